/**
 * What the task pane shows when its page is opened outside Excel (a browser, another Office application): it
 * says, in the user's language, that it needs Excel and how to open it there.
 */
import { FluentProvider, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { i18n as I18n } from "i18next";
import { I18nextProvider, useTranslation } from "react-i18next";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

function Notice() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div role="alert" className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {t("app.needsExcel.title")}
      </Text>
      <Text as="p">{t("app.needsExcel.body")}</Text>
    </div>
  );
}

export function NeedsExcel({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <Notice />
      </FluentProvider>
    </I18nextProvider>
  );
}
