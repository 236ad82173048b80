/** A MessageBar for an error from a workbook operation: its localized message, or a generic one with details. */
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { errorText } from "../errorText";
import { useLang } from "../useLang";

export function WorkbookError({ error, live = false, title }: { error: unknown; live?: boolean; title?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = errorText(error, lang);
  const heading = text.protectedWorkbook
    ? t("setup.protectedTitle")
    : (title ?? (live ? t("errors.live") : t("errors.title")));
  return (
    <MessageBar intent={text.protectedWorkbook ? "warning" : "error"} layout="multiline" data-testid="workbook-error">
      <MessageBarBody>
        <MessageBarTitle>{heading}</MessageBarTitle>
        {text.message ?? t("setup.genericError")}
        {text.details ? (
          <Text as="p" block size={200}>
            {t("setup.details", { details: text.details })}
          </Text>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
