// Progressive enhancement of the receipt page (issue 17): a "copy" button beside every element marked
// `data-copy`. Without JavaScript the receipt number is plain selectable text; with it, the button copies
// the number and says so in a live region. Words come from the element's data attributes
// (`data-copy-label`, `data-copied-label`, `data-copy-failed-label`), so the bundle has no language.

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function selectContents(element: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function enhance(target: HTMLElement): void {
  const words = target.dataset;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = words['copyLabel'] ?? 'Copy';
  const status = document.createElement('span');
  status.className = 'copy-status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', () => {
    void copyText(target.textContent?.trim() ?? '').then((copied) => {
      if (!copied) selectContents(target);
      status.textContent = (copied ? words['copiedLabel'] : words['copyFailedLabel']) ?? '';
    });
  });
  target.after(button, status);
}

for (const target of document.querySelectorAll<HTMLElement>('[data-copy]')) enhance(target);
