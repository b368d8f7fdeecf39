import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';

/** What the /verify page shows about the latest checkpoint and who cosigned it (ADR 61). */
export interface WitnessView {
  checkpoint: { size: number; createdAt: string } | null;
  /** The configured witnesses' names, in their configured order. */
  configured: string[];
  /** The configured witnesses that cosigned the latest checkpoint, with the time each one states. */
  cosigned: { witness: string; cosignedAt: string }[];
}

const M = defineMessages(
  {
    title: '透明日志与见证人',
    checkpoint: '最新检查点：共 {size} 条记录，签名于 {at}（北京时间）。',
    noCheckpoint: '透明日志还没有签名的检查点。',
    cosignedBy: '以下见证人独立核对了这个检查点与他们此前见到的一致，并作了联署：',
    cosignedAt: '联署于 {at}',
    none: '本系统配置的见证人都还没有联署最新的检查点。',
    noWitnesses: '本系统尚未配置见证人。',
    configured: '配置的见证人：{names}。',
    explain:
      '见证人（如新闻机构、法院或其他政府部门）只为与其此前见到的记录一致的检查点联署，因此有人联署时，任何人都可以确认自己和他们看到的是同一份日志。',
  },
  {
    title: 'The transparency log and its witnesses',
    checkpoint: 'Latest checkpoint: {size} entries, signed at {at} (Beijing time).',
    noCheckpoint: 'The transparency log has no signed checkpoint yet.',
    cosignedBy:
      'These witnesses checked independently that this checkpoint is consistent with what they saw before, and cosigned it:',
    cosignedAt: 'cosigned at {at}',
    none: 'No witness configured here has cosigned the latest checkpoint yet.',
    noWitnesses: 'This deployment names no witnesses yet.',
    configured: 'Configured witnesses: {names}.',
    explain:
      'A witness (a newspaper, a court, another government) cosigns only a checkpoint consistent with what it saw before; when witnesses have cosigned, anyone can be sure they see the same log as them.',
  },
);

export function renderWitnesses(view: WitnessView, locale: Locale): Html {
  const m = M[locale];
  const { checkpoint, configured, cosigned } = view;
  const head = checkpoint
    ? html`<p>${fill(m.checkpoint, { size: checkpoint.size, at: formatDateTime(checkpoint.createdAt) })}</p>`
    : html`<p>${m.noCheckpoint}</p>`;
  const list =
    cosigned.length > 0
      ? html`<p>${m.cosignedBy}</p><ul class="witnesses">${cosigned.map(
          (c) =>
            html`<li><strong>${c.witness}</strong> · <time datetime="${c.cosignedAt}">${fill(m.cosignedAt, { at: formatDateTime(c.cosignedAt) })}</time></li>`,
        )}</ul>`
      : html`<p>${configured.length > 0 ? m.none : m.noWitnesses}</p>`;
  const names =
    configured.length > 0 ? html`<p class="muted">${fill(m.configured, { names: configured.join(', ') })}</p>` : '';
  return html`<section aria-labelledby="witnesses-h"><h2 id="witnesses-h">${m.title}</h2>${head}${checkpoint ? list : ''}${names}<p class="muted">${m.explain}</p></section>`;
}
