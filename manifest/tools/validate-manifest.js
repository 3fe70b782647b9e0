#!/usr/bin/env node
'use strict';
// Validates a Teams app manifest offline.
//   node manifest/tools/validate-manifest.js [--sample] <manifest.json>
//
// Checks:
//   - JSON Schema: @microsoft/app-manifest (infra/node_modules) validates against the schema it bundles for the
//     manifest's manifestVersion; $schema must be the standard URL of that same version (so nothing is fetched).
//   - No {{PLACEHOLDER}} is left anywhere.
//   - validDomains are bare host names; static tab URLs are https on a valid domain.
//   - Each language file localizationInfo names sits next to the manifest, validates against the bundled
//     Localization schema of the same version, and translates every string the manifest has that a language file
//     can translate (names, descriptions, static tab names, bot and message-extension command titles and
//     descriptions), and nothing the manifest does not have.
//   - Icons exist next to the manifest and are PNGs (decoded with pngjs): color 192x192, outline 32x32 with every
//     pixel either fully transparent or white (RGB 255,255,255, any alpha); color32x32 32x32 if present.
// --sample fills {{APP_ID}} and {{HOST_NAME}} with sample values first, so the committed template
// (manifest/manifest.json) can be checked as it is.
// Prints "valid" and exits 0, or prints one line per problem and exits 1 (2 for bad usage).

const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
const nodeModulesDir = path.join(repoRoot, 'infra', 'node_modules');
const SAMPLE = { APP_ID: '11111111-2222-4333-8444-555555555555', HOST_NAME: 'journeybot.example.com' };
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const WILDCARD_DOMAIN = /^\*\.(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

function usage(message) {
  if (message) console.error(`validate-manifest: ${message}`);
  console.error('usage: node manifest/tools/validate-manifest.js [--sample] <manifest.json>');
  process.exit(2);
}

function requireFromInfra(name) {
  try {
    return require(require.resolve(name, { paths: [nodeModulesDir] }));
  } catch (e) {
    console.error(`validate-manifest: cannot load "${name}" from ${nodeModulesDir} (run: npm ci --prefix infra)`);
    console.error(String(e.message).split('\n')[0]);
    process.exit(2);
  }
}

async function schemaErrors(manifest) {
  const errors = [];
  const version = manifest.manifestVersion;
  if (typeof version !== 'string' || !/^(\d+\.\d+|devPreview)$/.test(version)) {
    return ['/manifestVersion must be a string such as "1.30"'];
  }
  const folder = version === 'devPreview' ? 'vDevPreview' : `v${version}`;
  const expectedUrl = `https://developer.microsoft.com/en-us/json-schemas/teams/${folder}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedUrl) {
    errors.push(`/$schema must be "${expectedUrl}" (to match manifestVersion ${version})`);
    return errors;
  }
  // The package fetches a schema it does not bundle; this machine (and CI) has no internet, so say so instead.
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json', { paths: [nodeModulesDir] }));
  const schemaFile = path.join(packageDir, 'build', 'json-schemas', 'teams', folder, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) {
    errors.push(`/manifestVersion ${version} has no bundled schema in @microsoft/app-manifest (${schemaFile})`);
    return errors;
  }
  const { AppManifestUtils } = requireFromInfra('@microsoft/app-manifest');
  for (const e of await AppManifestUtils.validateAgainstSchema(manifest)) {
    errors.push(`${e.startsWith(' ') ? '/' : ''}${e} (schema ${folder})`);
  }
  return errors;
}

function placeholderErrors(node, where, errors) {
  if (typeof node === 'string') {
    const found = node.match(/\{\{[^}]*\}\}/g);
    if (found) errors.push(`${where || '/'} still contains placeholder ${found.join(', ')}`);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => placeholderErrors(item, `${where}/${i}`, errors));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) placeholderErrors(value, `${where}/${key}`, errors);
  }
  return errors;
}

function domainErrors(manifest) {
  const errors = [];
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
  domains.forEach((d, i) => {
    if (typeof d === 'string' && !HOST_NAME.test(d) && !WILDCARD_DOMAIN.test(d)) {
      errors.push(`/validDomains/${i} "${d}" must be a bare host name (no scheme, port or path), optionally *.-prefixed`);
    }
  });
  const covered = (host) =>
    domains.some((d) => typeof d === 'string' &&
      (d.toLowerCase() === host || (d.startsWith('*.') && host.endsWith(d.slice(1).toLowerCase()))));
  const tabs = Array.isArray(manifest.staticTabs) ? manifest.staticTabs : [];
  tabs.forEach((tab, i) => {
    for (const key of ['contentUrl', 'websiteUrl']) {
      const value = tab && tab[key];
      if (typeof value !== 'string') continue;
      // Teams substitution variables such as {tid} or {locale} are not valid URL characters; mask them.
      let url;
      try {
        url = new URL(value.replace(/\{[A-Za-z.]+\}/g, 'x'));
      } catch {
        errors.push(`/staticTabs/${i}/${key} "${value}" is not a valid URL`);
        continue;
      }
      if (url.protocol !== 'https:') errors.push(`/staticTabs/${i}/${key} must use https`);
      else if (!covered(url.hostname.toLowerCase())) {
        errors.push(`/staticTabs/${i}/${key} host "${url.hostname}" is not listed in validDomains`);
      }
    }
  });
  return errors;
}

// The keys a language file must carry: every localizable string this manifest has.
function localizableKeys(manifest) {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  (manifest.staticTabs || []).forEach((tab, i) => { if (tab && tab.name) keys.push(`staticTabs[${i}].name`); });
  ((manifest.bots && manifest.bots[0] && manifest.bots[0].commandLists) || []).forEach((list, i) => {
    (list.commands || []).forEach((c, j) => {
      keys.push(`bots[0].commandLists[${i}].commands[${j}].title`, `bots[0].commandLists[${i}].commands[${j}].description`);
    });
  });
  ((manifest.composeExtensions && manifest.composeExtensions[0] && manifest.composeExtensions[0].commands) || []).forEach((c, i) => {
    keys.push(`composeExtensions[0].commands[${i}].title`);
    if (c.description) keys.push(`composeExtensions[0].commands[${i}].description`);
  });
  return keys;
}

function localizationErrors(manifest, baseDir) {
  const errors = [];
  const info = manifest.localizationInfo;
  if (!info || !Array.isArray(info.additionalLanguages)) return errors;
  const version = manifest.manifestVersion;
  const folder = version === 'devPreview' ? 'vDevPreview' : `v${version}`;
  const expectedUrl = `https://developer.microsoft.com/en-us/json-schemas/teams/${folder}/MicrosoftTeams.Localization.schema.json`;
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json', { paths: [nodeModulesDir] }));
  const schemaFile = path.join(packageDir, 'build', 'json-schemas', 'teams', folder, 'MicrosoftTeams.Localization.schema.json');
  if (!fs.existsSync(schemaFile)) return [`/localizationInfo: no bundled Localization schema for ${folder} (${schemaFile})`];
  const Ajv = requireFromInfra('ajv-draft-04');
  // unicodeRegExp off: some of the schema's patterns ("\b]") are valid JavaScript only without the u flag.
  const ajv = new (Ajv.default || Ajv)({ allErrors: true, strict: false, unicodeRegExp: false });
  const addFormats = requireFromInfra('ajv-formats');
  (addFormats.default || addFormats)(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  const wanted = localizableKeys(manifest);
  info.additionalLanguages.forEach((language, i) => {
    const where = `/localizationInfo/additionalLanguages/${i}`;
    const name = language && language.file;
    if (typeof name !== 'string' || path.basename(name) !== name) {
      errors.push(`${where}/file must name a file next to the manifest`);
      return;
    }
    let strings;
    try {
      strings = JSON.parse(fs.readFileSync(path.resolve(baseDir, name), 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      errors.push(`${where} ${name}: ${e.code === 'ENOENT' ? 'file not found' : 'not valid JSON: ' + e.message}`);
      return;
    }
    if (strings.$schema !== expectedUrl) errors.push(`${name}: $schema must be "${expectedUrl}"`);
    if (!validate(strings)) {
      for (const e of validate.errors) errors.push(`${name}${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
    }
    for (const key of wanted) {
      if (typeof strings[key] !== 'string' || strings[key].trim() === '') errors.push(`${name}: "${key}" is missing (the manifest has it)`);
    }
    for (const key of Object.keys(strings)) {
      if (key !== '$schema' && !wanted.includes(key)) errors.push(`${name}: "${key}" names nothing in the manifest`);
      // The Localization schema allows 128 characters here; the manifest schema allows a command title 32.
      if (/^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.title$/.test(key) && typeof strings[key] === 'string' && strings[key].length > 32) {
        errors.push(`${name}: "${key}" is longer than the 32 characters a command title may have`);
      }
    }
  });
  return errors;
}

function iconErrors(manifest, baseDir) {
  const errors = [];
  const icons = manifest.icons && typeof manifest.icons === 'object' ? manifest.icons : {};
  const specs = [
    ['color', 192, false, true],
    ['outline', 32, true, true],
    ['color32x32', 32, false, false],
  ];
  for (const [key, size, whiteOnly, required] of specs) {
    const name = icons[key];
    if (typeof name !== 'string') {
      if (required) errors.push(`/icons/${key} is missing`);
      continue;
    }
    const file = path.resolve(baseDir, name);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      errors.push(`/icons/${key} file not found: ${file}`);
      continue;
    }
    const { PNG } = requireFromInfra('pngjs');
    let png;
    try {
      png = PNG.sync.read(fs.readFileSync(file));
    } catch (e) {
      errors.push(`/icons/${key} ${name} is not a readable PNG: ${e.message}`);
      continue;
    }
    const { width, height, data: rgba } = png;
    if (width !== size || height !== size) {
      errors.push(`/icons/${key} ${name} is ${width}x${height}, must be ${size}x${size}`);
    }
    if (whiteOnly) {
      let bad = 0;
      let first = null;
      for (let p = 0; p < width * height; p++) {
        const [r, g, b, a] = rgba.subarray(p * 4, p * 4 + 4);
        if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
          bad++;
          if (!first) first = `(${p % width},${Math.floor(p / width)}) = rgba(${r},${g},${b},${a})`;
        }
      }
      if (bad > 0) {
        errors.push(`/icons/${key} ${name} must be white on transparent: ${bad} pixel(s) are neither fully transparent nor white, first at ${first}`);
      }
    }
  }
  return errors;
}

async function main() {
  const args = process.argv.slice(2);
  let sample = false;
  const files = [];
  for (const arg of args) {
    if (arg === '--sample') sample = true;
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) usage('expected exactly one manifest file');

  const file = path.resolve(files[0]);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    usage(`cannot read ${file}: ${e.message}`);
  }
  if (sample) {
    text = text.replace(/\{\{(APP_ID|HOST_NAME)\}\}/g, (_, key) => SAMPLE[key]);
  }
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    console.log(`${file}: not valid JSON: ${e.message}`);
    process.exit(1);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    console.log(`${file}: the manifest must be a JSON object`);
    process.exit(1);
  }

  const errors = [
    ...(await schemaErrors(manifest)),
    ...placeholderErrors(manifest, '', []),
    ...domainErrors(manifest),
    ...iconErrors(manifest, path.dirname(file)),
    ...localizationErrors(manifest, path.dirname(file)),
  ];
  if (errors.length === 0) {
    console.log('valid');
    process.exit(0);
  }
  for (const e of errors) console.log(e);
  process.exit(1);
}

main().catch((e) => {
  console.error(`validate-manifest: ${e.stack || e}`);
  process.exit(2);
});
