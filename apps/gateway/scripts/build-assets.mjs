// Part of `npm run build`: copies apps/gateway/assets next to the compiled gateway
// (dist/apps/gateway/assets) and bundles each browser entry of apps/gateway/browser/*.ts into it with
// esbuild (one IIFE per entry, no external code at run time: the pages' CSP allows scripts from 'self').
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const gateway = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(gateway, '..', '..');
const out = join(root, 'dist', 'apps', 'gateway', 'assets');
mkdirSync(out, { recursive: true });
cpSync(join(gateway, 'assets'), out, { recursive: true });

const browserDir = join(gateway, 'browser');
const entries = existsSync(browserDir)
  ? readdirSync(browserDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
  : [];
if (entries.length > 0) {
  await build({
    entryPoints: entries.map((name) => join(browserDir, name)),
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
