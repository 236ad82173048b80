// @ts-check
/**
 * Where the add-in is served from. The manifest and the pages are written for the development address; a
 * production build for an organisation replaces it with the address the files will be hosted at
 * (`npm run build -- --env address=https://addins.example.org/liat/`).
 */
"use strict";

/** The development address written in manifest.xml (webpack dev server, sideloading). */
const DEV_ADDRESS = "https://localhost:3000/";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks an address given at build time and returns it in canonical form: absolute, HTTPS (plain HTTP is
 * accepted only for the local machine), no query or fragment, ending with "/".
 * @param {string} address
 * @returns {string}
 */
function normalizeAddress(address) {
  const text = String(address ?? "").trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Invalid add-in address "${text}": give an absolute URL such as https://addins.example.org/liat/`);
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    throw new Error(`Invalid add-in address "${text}": Office add-ins must be served over HTTPS`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`Invalid add-in address "${text}": no query, fragment or credentials allowed`);
  }
  const pathname = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.protocol}//${url.host}${pathname}`;
}

/**
 * Replaces every occurrence of the development address in a text (manifest, page) by `address`.
 * @param {string} text
 * @param {string} address
 * @returns {string}
 */
function rewriteAddress(text, address) {
  const target = normalizeAddress(address);
  if (target === DEV_ADDRESS) return text;
  return text.split(DEV_ADDRESS).join(target);
}

module.exports = { DEV_ADDRESS, normalizeAddress, rewriteAddress };
