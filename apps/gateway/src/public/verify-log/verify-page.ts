import type { PublicDecision } from '../../../../../libs/persistence/src';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { defineMessages, type Locale } from '../../site-shell/web/i18n';

export const M = defineMessages(
  {
    title: '验证公开日志',
    intro:
      '每项决策的公开日志是一条哈希链：每条记录的哈希值由上一条记录的哈希值和本条内容按 JCS（RFC 8785）和 SHA-256 计算得出。本页在您的浏览器中下载日志并重新计算每一个哈希值和链接，不依赖服务器的说法。',
    pick: '选择要验证的决策',
    decisionId: '决策编号',
    go: '验证',
    recent: '最近更新的决策',
    cli: '不使用浏览器脚本时，可在命令行中验证（需要 Node.js 和本项目源码）：',
    all: '验证全部公开决策：',
    one: '验证这一项决策：',
    needsJs: '浏览器验证需要启用 JavaScript。未启用时，请使用下面的命令行工具验证。',
    running: '正在下载并验证日志……',
    ok: '验证通过：共 {n} 条记录，每个哈希值和链接都正确。最新记录为第 {seq} 条，哈希值 {hash}。',
    fail: '验证失败：第 {seq} 条记录有问题（{reason}）。',
    error: '无法下载日志：{reason}',
    again: '重新验证',
    headNote: '请记下最新记录的序号和哈希值：如果以后整条日志被改写，和它对比就能发现。',
    decision: '记录属于另一项决策',
    gap: '缺少记录',
    order: '记录重复或顺序错误',
    prev_hash: '与上一条记录的链接不正确',
    hash: '内容与哈希值不符，记录被改动过',
    head: '服务器给出的最新记录与日志末尾不一致',
    malformed: '数据格式不正确',
    log_running: '正在核对透明日志：检查点签名、收录证明和一致性证明……',
    log_ok:
      '透明日志验证通过：{size} 条记录的检查点签名有效，本决策的 {n} 条记录都已收录，且与本浏览器上次见到的检查点（{previous} 条）一致。',
    log_first:
      '透明日志验证通过：{size} 条记录的检查点签名有效，本决策的 {n} 条记录都已收录。本浏览器已记下此检查点，下次将核对日志是否被改写。',
    log_none: '透明日志尚无已签名的检查点，暂时无法核对收录。',
    log_unsigned:
      '本浏览器无法验证 Ed25519 签名（需要 HTTPS 和支持 Ed25519 的 WebCrypto）：已核对收录和一致性，但未核对签名，也未记下检查点。请用命令行验证签名。',
    log_signature: '透明日志验证失败：检查点签名无效或缺失（{reason}）。',
    log_shrank: '透明日志验证失败：日志被截短。本浏览器曾见到 {previous} 条记录的检查点，现在只有 {size} 条。',
    log_forked:
      '透明日志验证失败：历史被改写或分叉。{size} 条记录的检查点与本浏览器曾见到的 {previous} 条记录的检查点不一致（{reason}）。',
    log_fork:
      '透明日志验证失败：历史被改写或分叉。部署方签署了两个都是 {size} 条记录但根哈希不同的检查点：本浏览器曾见到（或收到）的一个和现在的一个。二者不可能都真实，其中一个可能正展示给别人。',
    log_inclusion: '透明日志验证失败：第 {seq} 条记录未收录在 {size} 条记录的已签名检查点中（{reason}）。',
    log_gone: '透明日志验证失败：决策 {decision} 曾公开（{was} 条记录），现已从目录中消失。',
    log_truncated: '透明日志验证失败：决策 {decision} 曾有 {was} 条记录，现在只有 {now} 条。',
    log_changed:
      '透明日志验证失败：决策 {decision} 的第 {seq} 条记录自本浏览器上次见到后被改动（哈希值 {was} → {now}）。',
    log_error: '无法核对透明日志：{reason}',
  },
  {
    title: 'Verify the public log',
    intro:
      'Each decision’s public log is a hash chain: every entry’s hash is computed from the previous entry’s hash and its own content with JCS (RFC 8785) and SHA-256. This page downloads the log into your browser and recomputes every hash and link itself, without trusting the server’s word.',
    pick: 'Choose a decision to verify',
    decisionId: 'Decision id',
    go: 'Verify',
    recent: 'Recently updated decisions',
    cli: 'Without scripts in the browser, verify on the command line (Node.js and a clone of this project):',
    all: 'Every public decision:',
    one: 'This decision:',
    needsJs: 'Verifying in the browser needs JavaScript. Without it, use the command-line tool below.',
    running: 'Downloading and verifying the log…',
    ok: 'Verified: {n} entries, every hash and link holds. The latest entry is {seq}, hash {hash}.',
    fail: 'Verification failed at entry {seq}: {reason}.',
    error: 'Could not download the log: {reason}',
    again: 'Verify again',
    headNote: 'Note the latest entry and its hash: if the whole log is ever rewritten, comparing with it shows.',
    decision: 'the entry belongs to another decision',
    gap: 'an entry is missing',
    order: 'entries are repeated or out of order',
    prev_hash: 'the link to the previous entry is wrong',
    hash: 'the content does not match its hash: the entry was changed',
    head: 'the latest entry the server names is not the end of the log',
    malformed: 'the data is not a log',
    log_running: 'Checking the transparency log: the checkpoint’s signature, inclusion and consistency proofs…',
    log_ok:
      'Transparency log verified: the checkpoint of {size} entries is validly signed, all {n} entries of this decision are included, and it is consistent with the checkpoint of {previous} entries this browser saw before.',
    log_first:
      'Transparency log verified: the checkpoint of {size} entries is validly signed and all {n} entries of this decision are included. This browser keeps the checkpoint to catch a rewritten log next time.',
    log_none: 'The transparency log has no signed checkpoint yet: inclusion cannot be checked.',
    log_unsigned:
      'This browser cannot check Ed25519 signatures (HTTPS and WebCrypto with Ed25519 are needed): inclusion and consistency were checked, the signature was not, and the checkpoint is not kept. Check the signature on the command line.',
    log_signature: 'Transparency log check failed: the checkpoint’s signature is invalid or missing ({reason}).',
    log_shrank:
      'Transparency log check failed: the log was truncated. This browser saw a checkpoint of {previous} entries; now it has {size}.',
    log_forked:
      'Transparency log check failed: history rewritten or forked. The checkpoint of {size} entries is not consistent with the checkpoint of {previous} entries this browser saw ({reason}).',
    log_fork:
      'Transparency log check failed: history rewritten or forked. The deployment signed two checkpoints of {size} entries with different roots: the one this browser saw (or was given) and this one. Both cannot be true; one of them may be shown to others.',
    log_inclusion:
      'Transparency log check failed: entry {seq} is not included in the signed checkpoint of {size} entries ({reason}).',
    log_gone:
      'Transparency log check failed: decision {decision} was public with {was} entries and is gone from the catalogue.',
    log_truncated: 'Transparency log check failed: decision {decision} had {was} entries and now has {now}.',
    log_changed:
      'Transparency log check failed: entry {seq} of decision {decision} changed since this browser saw it (hash {was} → {now}).',
    log_error: 'Could not check the transparency log: {reason}',
  },
);

const SCRIPT_MESSAGES = [
  'running',
  'ok',
  'fail',
  'error',
  'decision',
  'gap',
  'order',
  'prev_hash',
  'hash',
  'head',
  'malformed',
  'log_running',
  'log_ok',
  'log_first',
  'log_none',
  'log_unsigned',
  'log_signature',
  'log_shrank',
  'log_forked',
  'log_fork',
  'log_inclusion',
  'log_gone',
  'log_truncated',
  'log_changed',
  'log_error',
] as const;

function cli(baseUrl: string, decisionId: string | null, locale: Locale, logKey?: string): Html {
  const m = M[locale];
  const log = logKey ? ` --log-key '${logKey}' --state od-verify.json` : '';
  return html`<p>${m.cli}</p>
${decisionId ? html`<p>${m.one}</p><pre><code>npx open-decision verify ${baseUrl} ${decisionId}${log}</code></pre>` : ''}
<p>${m.all}</p><pre><code>npx open-decision verify ${baseUrl}${log}</code></pre>`;
}

/**
 * The verifier of one decision. The words the script shows travel as data attributes (the page CSP
 * allows no inline script); without JavaScript the status says so and the command line is the way.
 * With the transparency log's public key (`logKey`, published as `data-log-key`), the script also
 * checks the signed checkpoint, inclusion and consistency (docs/transparency-log.md).
 */
export function renderVerifier(decisionId: string, baseUrl: string, locale: Locale, logKey?: string): Html {
  const m = M[locale];
  const messages = Object.fromEntries(SCRIPT_MESSAGES.map((key) => [`data-msg-${key.replace('_', '-')}`, m[key]]));
  const key = logKey ? { 'data-log-key': logKey } : {};
  return html`<section aria-labelledby="verify-h"><h2 id="verify-h">${m.title}</h2><p>${m.intro}</p>
<div id="verifier"${attrs({ 'data-decision': decisionId, ...key, ...messages })}>
<p id="verify-status" role="status" aria-live="polite" class="notice">${m.needsJs}</p>
<p id="verify-note" class="muted" hidden>${m.headNote}</p>
<p id="verify-log" role="status" aria-live="polite" class="notice" hidden></p>
<button type="button" id="verify-again" class="secondary" hidden>${m.again}</button>
</div>
${cli(baseUrl, decisionId, locale, logKey)}</section>`;
}

/** `/verify`: pick a decision (a GET form, or a recent one) and the command line for all of them. */
export function renderVerifyIndex(
  recent: PublicDecision[],
  baseUrl: string,
  locale: Locale,
  lang: string | undefined,
  witnesses: Html | string = '',
): Html {
  const m = M[locale];
  return html`<h1>${m.title}</h1><p>${m.intro}</p>
<form class="filters" method="get" action="/verify" aria-label="${m.pick}">
<div class="field"><label for="verify-id">${m.decisionId}</label><input type="text" id="verify-id" name="decision" required maxlength="64" spellcheck="false"></div>
${lang ? html`<input type="hidden" name="lang"${attrs({ value: lang })}>` : ''}
<div class="field"><button type="submit">${m.go}</button></div></form>
<section aria-labelledby="recent-h"><h2 id="recent-h">${m.recent}</h2><ul>${recent.map((d) => html`<li><a href="/decisions/${encodeURIComponent(d.id)}/verify">${d.title}</a></li>`)}</ul></section>
${witnesses}
<section aria-labelledby="cli-h"><h2 id="cli-h">${m.cli.replace(/[：:]$/, '')}</h2>${cli(baseUrl, null, locale)}</section>`;
}
