import { Inject, Injectable } from '@nestjs/common';
import {
  assertRole,
  attachFile,
  checkAttachment,
  DomainError,
  type DecisionState,
  type StaffActor,
} from '../../../../../libs/domain/src';
import type { AttachmentStore } from '../../../../../libs/persistence/src';
import type { GatewayConfig } from '../../config';
import { ATTACHMENT_STORE, CONFIG } from '../../common/tokens';
import { uploadedFile } from '../../common/multipart';
import { ActOnDecisionHandler } from '../act-on-decision/act-on-decision.handler';

/** The last segment of a client's file name (an old browser sends a whole Windows path). */
export function baseName(filename: string): string {
  return filename.split(/[\\/]/).pop()!.trim();
}

/**
 * Attaches an uploaded official file (issue 17 item 1, ADR 87): the role first (before any byte is
 * kept), then the content check (`checkAttachment`, ATTACHMENT_MAX_BYTES), the bytes put in the
 * content-addressed store, and the `attachments` action sent to the workflow with the hash, size and
 * type taken from the bytes, never from the client. Trap: bytes of an upload the workflow then refuses
 * stay in the store unreferenced; they are never served, since only a public `AttachmentAdded` entry
 * makes a hash downloadable.
 */
@Injectable()
export class AttachFileHandler {
  constructor(
    private readonly act: ActOnDecisionHandler,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(decisionId: string, body: Record<string, unknown>, actor: StaffActor): Promise<DecisionState> {
    assertRole(attachFile, actor);
    const file = uploadedFile(body, 'file');
    if (!file) throw new DomainError('ATTACHMENT_FILE_REQUIRED', 'invalid', 'Send the file in the form field "file".');
    const kind = checkAttachment(file.bytes, this.config.ATTACHMENT_MAX_BYTES);
    const typed = typeof body['name'] === 'string' ? body['name'].trim() : '';
    const name = typed || baseName(file.filename) || `attachment.${kind.extension}`;
    const stored = await this.store.put(file.bytes);
    const command = { target: body['target'], name, sha256: stored.sha256, size: stored.size, type: kind.type };
    return this.act.execute(decisionId, attachFile.name, command, actor);
  }
}
