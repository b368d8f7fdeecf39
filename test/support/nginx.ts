import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './eventually';
import { freePort } from './ports';

/** Debian's nginx (`.ci/run` installs it); NGINX_PATH overrides. */
export const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';

export interface RunningNginx {
  baseUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * A real reverse proxy in front of `upstreams` (host:port), as deploy/README.md puts one in front of the
 * gateways: round robin, `X-Forwarded-For` appended with `$proxy_add_x_forwarded_for` (so a client's own
 * forged header reaches the gateway in front of the real address). Its config, pid, logs and temp files
 * live in a temp folder; `stop()` ends it and removes the folder.
 */
export async function startNginx(upstreams: string[], port?: number): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'od-nginx-'));
  chmodSync(dir, 0o755);
  port ??= await freePort();
  const config = `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream gateways { ${upstreams.map((upstream) => `server ${upstream};`).join(' ')} keepalive 16; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://gateways;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), config);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
        return (await fetch(`${baseUrl}/health/live`)).ok;
      },
      { timeoutMs: 20_000, what: 'nginx and a gateway behind it answer' },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}
