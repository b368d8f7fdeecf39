import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { DomainError } from '../../../../../libs/domain/src';
import { entityTag, sendCacheable } from '../web/http-cache';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

/**
 * `apps/gateway/assets` is copied next to the compiled gateway by `npm run build`
 * (dist/apps/gateway/assets, with the browser bundles esbuild writes there); from source (jest) it is
 * the folder itself.
 */
export const ASSETS_DIR = resolve(__dirname, '..', '..', '..', 'assets');

interface Asset {
  body: Buffer;
  type: string;
  tag: string;
}

/** Every asset is read once at start: a fixed set, served from memory, never a path from the request. */
function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    assets.set(name, { body, type, tag: entityTag(body.toString('latin1')) });
  }
  return assets;
}

@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  private readonly assets = loadAssets(ASSETS_DIR);

  @Get(':name')
  async get(
    @Param('name') name: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const asset = this.assets.get(name);
    if (!asset) throw new DomainError('NOT_FOUND', 'not_found', `No asset ${name}.`);
    void reply.header('x-content-type-options', 'nosniff');
    await sendCacheable(reply, ifNoneMatch, asset.body, {
      type: asset.type,
      cacheControl: 'public, max-age=300',
      tag: asset.tag,
    });
  }
}
