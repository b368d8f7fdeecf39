import { toString as qrToString } from 'qrcode';
import { raw, type Html } from '../../site-shell/web/html';

/**
 * The receipt page's address as a QR code, rendered on the server as inline SVG (no script, no image
 * request; the SVG's colours are presentation attributes, which the page's CSP allows). `label` is its
 * text alternative. The URL is built by the server from PUBLIC_BASE_URL and a normalized receipt, so
 * the SVG carries nothing a visitor typed.
 */
export async function receiptQrSvg(url: string, label: string): Promise<Html> {
  const svg = await qrToString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const alt = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return raw(
    svg
      .trim()
      .replace('<svg ', `<svg class="qr" role="img" aria-label="${alt}" focusable="false" width="160" height="160" `),
  );
}

/** The absolute address of a receipt's page. */
export function receiptUrl(baseUrl: string, receipt: string): string {
  return `${baseUrl}/receipts?receipt=${encodeURIComponent(receipt)}`;
}
