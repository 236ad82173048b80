// @ts-check
/**
 * Webpack plugin: in the emitted manifest, pages and metadata, replaces the development address
 * (https://localhost:3000/) by the address the add-in will be hosted at.
 */
"use strict";

const { Compilation, sources } = require("webpack");
const { DEV_ADDRESS, normalizeAddress, rewriteAddress } = require("./rewriteAddress");

const PLUGIN = "AddressRewritePlugin";
const TEXT_ASSET = /\.(xml|html|json)$/i;

class AddressRewritePlugin {
  /** @param {{ address: string }} options */
  constructor(options) {
    this.address = normalizeAddress(options.address);
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    if (this.address === DEV_ADDRESS) return;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        // after html-webpack-plugin (OPTIMIZE_INLINE) and the copied/generated assets
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!TEXT_ASSET.test(name)) continue;
            const text = assets[name].source().toString();
            const rewritten = rewriteAddress(text, this.address);
            if (rewritten !== text) compilation.updateAsset(name, new sources.RawSource(rewritten));
          }
        },
      );
    });
  }
}

module.exports = AddressRewritePlugin;
