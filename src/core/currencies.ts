import { squeezeSpaces } from "./spaces";

/**
 * Active ISO 4217 currency codes (circulating currencies). The lists sheet offers them in a
 * dropdown, with the most common ones for the product's users first.
 */
const COMMON = ["EUR", "USD", "GBP", "CHF", "CAD", "XOF", "XAF", "MAD", "TND", "DZD", "EGP", "LBP", "JOD", "TRY"];

const ALL = (
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
  "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
  "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT " +
  "LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR " +
  "NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP " +
  "STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG " +
  "XOF XPF YER ZAR ZMW ZWG"
).split(" ");

/** Every accepted code, common ones first, then the rest alphabetically. */
export const CURRENCIES: readonly string[] = [...COMMON, ...ALL.filter((c) => !COMMON.includes(c))];

const SET = new Set(ALL);

/** The ISO 4217 code for a cell value ("eur " → "EUR"), or null when it is not one. */
export function normalizeCurrency(value: string): string | null {
  // Spaces as the native check folds them (a code as written has none to fold); ASCII letters only, so that case
  // folds the same everywhere.
  const text = value.length === 3 ? value : squeezeSpaces(value);
  if (!/^[A-Za-z]{3}$/.test(text)) return null;
  const code = text.toUpperCase();
  return SET.has(code) ? code : null;
}
