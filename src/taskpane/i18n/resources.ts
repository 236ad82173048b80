/**
 * i18next resources: the interface strings (en.ts, fr.ts) plus the names the catalogue already
 * carries in both languages (domains, Call-to-Action priorities, rating bands, status labels, the
 * crosswalk note), so that every string the pane shows goes through i18next.
 */
import type { Resource } from "i18next";
import { DOMAINS } from "../../core/domains";
import type { Lang } from "../../core/language";
import { CROSSWALK_NOTE, PRIORITIES } from "../../core/priorities";
import { RATING_BANDS } from "../../core/rating";
import { NOT_APPLICABLE_LABEL, STATUS_SCALE } from "../../core/status";
import { en } from "./en";
import { fr } from "./fr";

const BLANK_LABEL = { fr: "Non renseigné", en: "Blank" } as const;

function catalogueStrings(lang: Lang) {
  return {
    domain: Object.fromEntries(DOMAINS.map((d) => [String(d.id), { name: d.name[lang], short: d.short[lang] }])),
    priority: Object.fromEntries(PRIORITIES.map((p) => [String(p.id), p.name[lang]])),
    rating: Object.fromEntries(RATING_BANDS.map((b) => [b.id, b.label[lang]])),
    status: {
      ...Object.fromEntries(STATUS_SCALE.map((s) => [String(s.level), s.label[lang]])),
      na: NOT_APPLICABLE_LABEL[lang],
      blank: BLANK_LABEL[lang],
    },
    crosswalkNote: CROSSWALK_NOTE[lang],
  };
}

export const RESOURCES: Resource = {
  en: { translation: { ...en, ...catalogueStrings("en") } },
  fr: { translation: { ...fr, ...catalogueStrings("fr") } },
};
