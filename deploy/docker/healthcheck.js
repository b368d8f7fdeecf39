#!/usr/bin/env node
// Docker HEALTHCHECK for the one image that runs both apps. The gateway answers GET /health/live
// (or the path given as the first argument, e.g. /health/ready in compose); the worker has no HTTP
// listener, so for it the container running at all is the signal.
'use strict';
const { readFileSync } = require('node:fs');

let command = '';
try {
  command = readFileSync('/proc/1/cmdline', 'utf8').replace(/\0/g, ' ');
} catch {
  // Not Linux or no /proc: assume the default command (the gateway).
  command = 'apps/gateway';
}
if (!command.includes('apps/gateway')) process.exit(0);

const port = process.env.PORT || '3000';
const path = process.argv[2] || '/health/live';
fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) })
  .then((response) => process.exit(response.ok ? 0 : 1))
  .catch(() => process.exit(1));
