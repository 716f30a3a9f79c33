/**
 * On a phone a wide table is read as one card per row (issue 16, item 13; admin.css
 * `.app-table--cards`): each cell is labelled with its column's heading, copied here from the
 * table's own header so the words are written once.
 */
export function labelCells(table: HTMLTableElement) {
  table.classList.add('app-table--cards')
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '')
  for (const row of table.tBodies[0]?.rows ?? []) {
    ;[...row.cells].forEach((cell, i) => {
      if (!cell.hasAttribute('colspan') && headings[i]) cell.dataset.label = headings[i]
    })
  }
}
