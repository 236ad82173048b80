/**
 * The locales under which Excel may run in French or in Spanish, each given its own override in manifest.xml
 * (display name, description, ribbon texts and the custom functions' metadata file functions.<lang>.json).
 *
 * Microsoft's "Localization for Office Add-ins" asks for a separate Override per area of a language family
 * (de-de and de-at): the language alone ("fr") is not matched by every Office client. The list is every French
 * and Spanish locale that Windows gives a locale identifier of its own ([MS-LCID], Windows Language Code
 * Identifier Reference), which is what Office reports for its display language: France, Canada, Belgium,
 * Switzerland, Luxembourg, Monaco and the others; Spain (both sorts share es-ES), Mexico, the Americas and
 * Latin America (es-419), the United States.
 */
export const OFFICE_LOCALES = {
  fr: [
    "fr-FR",
    "fr-CA",
    "fr-BE",
    "fr-CH",
    "fr-LU",
    "fr-MC",
    "fr-029",
    "fr-RE",
    "fr-CD",
    "fr-SN",
    "fr-CM",
    "fr-CI",
    "fr-ML",
    "fr-MA",
    "fr-HT",
  ],
  es: [
    "es-ES",
    "es-MX",
    "es-419",
    "es-US",
    "es-AR",
    "es-BO",
    "es-CL",
    "es-CO",
    "es-CR",
    "es-CU",
    "es-DO",
    "es-EC",
    "es-GT",
    "es-HN",
    "es-NI",
    "es-PA",
    "es-PE",
    "es-PR",
    "es-PY",
    "es-SV",
    "es-UY",
    "es-VE",
  ],
} as const satisfies Record<"fr" | "es", readonly string[]>;
