/**
 * Share: placeholder. CONSOLIDATION GOES HERE: pick the .xlsx files received back, read and check
 * each (src/core/consolidate.ts), write the consolidation sheet. Wired later by the lead.
 */
import { makeStyles, Text, Title3, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

export function ShareView() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="liat-share-heading" data-testid="share-view">
      <Title3 as="h2" id="liat-share-heading" className={styles.h2}>
        {t("share.heading")}
      </Title3>
      <Text as="p">{t("share.coming")}</Text>
    </section>
  );
}
