// Finds table text the coach cannot read whole: a cell, or a field inside one, whose content is
// wider than its box (cut off or scrolled out of sight), and a table wider than what holds it.
import type { Locator } from 'playwright-core';

export function cutText(region: Locator): Promise<string[]> {
  return region.evaluate((root) => {
    const found: string[] = [];
    const describe = (element: Element) => {
      const text =
        element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
          ? element.value
          : element instanceof HTMLSelectElement
            ? (element.selectedOptions[0]?.text ?? '')
            : (element.textContent ?? '');
      const label = element.getAttribute('aria-label') ?? element.tagName.toLowerCase();
      return `${label} "${text.trim().slice(0, 40)}" (${element.scrollWidth} > ${element.clientWidth} px)`;
    };
    for (const table of root.querySelectorAll('table')) {
      const holder = table.parentElement!;
      if (holder.scrollWidth > holder.clientWidth + 1) found.push(`table wider than its box: ${describe(holder)}`);
      for (const element of table.querySelectorAll('th, td, input, textarea, select')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0) continue;
        if (element.scrollWidth > element.clientWidth + 1) found.push(describe(element));
      }
    }
    return found;
  });
}
