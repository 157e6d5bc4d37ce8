#!/usr/bin/env node
// Validates a Teams app manifest offline with @microsoft/app-manifest (npm ci in manifest/ first).
//   node manifest/validate.cjs path/to/manifest.json
// Prints one problem a line on stderr. Exit codes: 0 valid, 1 invalid, 2 usage or unreadable file.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

const schemaPrefix = "https://developer.microsoft.com/json-schemas/";

async function main(manifestPath) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  } catch (error) {
    console.error(`${manifestPath}: ${error.message}`);
    return 2;
  }

  // The package reads a schema it bundles and fetches any other one: refuse those, so that the
  // validation never depends on the network.
  const schema = typeof manifest.$schema === "string" ? manifest.$schema : "";
  const bundled = schema.startsWith(schemaPrefix)
    ? path.join(path.dirname(require.resolve("@microsoft/app-manifest")), "json-schemas", schema.slice(schemaPrefix.length))
    : null;
  if (bundled === null || !fs.existsSync(bundled)) {
    console.error(`${manifestPath}: $schema "${schema}" is not a Teams schema bundled with @microsoft/app-manifest`);
    return 1;
  }

  let errors;
  try {
    [, errors] = await AppManifestUtils.readAndValidateTeamsManifest(manifestPath);
  } catch (error) {
    // The package's own type check throws before the schema check (a wrong type, a missing field);
    // its message quotes the whole offending value.
    const message = String(error.message);
    errors = [message.length > 400 ? `${message.slice(0, 400)}…` : message];
  }

  for (const error of errors) {
    console.error(error);
  }

  if (errors.length === 0) {
    console.log(`${manifestPath}: valid against ${schema}`);
    return 0;
  }

  return 1;
}

if (process.argv.length !== 3) {
  console.error("Usage: node manifest/validate.cjs path/to/manifest.json");
  process.exitCode = 2;
} else {
  main(process.argv[2]).then((code) => {
    process.exitCode = code;
  });
}
