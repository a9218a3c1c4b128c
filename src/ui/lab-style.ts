// Styles of the Analytics Lab page, added once when the page is first shown. Sizes in rem so text scales with
// zoom; states are told by text and borders as well as colour.

const CSS = `
.lab, .lab-results { display: grid; gap: 0.75rem; }
.lab .form { margin: 0.5rem 0; }
.lab-drop { border: 2px dashed var(--line, #c8ced6); border-radius: 0.5rem; padding: 1rem; text-align: center; display: grid; gap: 0.4rem; justify-items: center; cursor: pointer; background: #fafcfe; }
.lab-drop.over { border-style: solid; border-color: var(--accent, #0072B2); background: #eef6fb; }
.lab-drop .lab-file { font-weight: bold; }
.lab-progress { display: grid; gap: 0.3rem; }
.lab-progress progress { width: 100%; height: 1.1rem; }
.lab-errors { border: 2px solid var(--bad, #D55E00); border-radius: 0.5rem; padding: 0.5rem 0.8rem; background: #fff6f0; }
.lab-errors ul { margin: 0.3rem 0; padding-left: 1.2rem; font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace; font-size: 0.9rem; overflow-wrap: anywhere; }
.lab-errors li::marker { content: '✗ '; }
.lab-params { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.lab-params th, .lab-params td { border: 1px solid var(--line, #c8ced6); padding: 0.2rem 0.5rem; text-align: right; }
.lab-params th[scope='row'] { text-align: left; }
.lab-scroll { overflow-x: auto; max-width: 100%; }
table.lab-top { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.9rem; }
table.lab-top th, table.lab-top td { border: 1px solid var(--line, #c8ced6); padding: 0.2rem 0.4rem; text-align: right; white-space: nowrap; }
table.lab-top td:first-child, table.lab-top th:first-child { text-align: left; }
table.lab-top th button { border: none; background: transparent; padding: 0.1rem 0.2rem; font-weight: bold; white-space: nowrap; }
table.lab-top th[aria-sort='ascending'] button, table.lab-top th[aria-sort='descending'] button { text-decoration: underline; }
.lab-risk { padding-left: 1.8rem; font-size: 0.9rem; columns: 2 24rem; column-gap: 2.5rem; }
.lab-risk li { break-inside: avoid; }
.lab-risk li { margin: 0.15rem 0; }
.lab table th { overflow-wrap: normal; }
.lab .stat { font-size: 1.4rem; font-weight: bold; }
.lab-cuts { display: grid; gap: 0.4rem; justify-items: start; }
.lab-cuts h3, .lab-cuts p { margin: 0; }
table.lab-cuts-table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.lab-cuts-table th, table.lab-cuts-table td { border: 1px solid var(--line, #c8ced6); padding: 0.2rem 0.4rem; text-align: left; }
table.lab-cuts-table td { white-space: nowrap; }
table.lab-cuts-table input { width: 5.5rem; }
table.lab-cuts-table input[aria-invalid='true'] { border: 2px solid var(--bad, #D55E00); background: #fff6f0; }
.lab-cuts-error { margin: 0; padding: 0.3rem 0.6rem; border-left: 4px solid var(--bad, #D55E00); background: #fff6f0; font-weight: bold; }
.lab-cuts-error::before { content: '✗ '; }
.lab-nps { display: grid; gap: 0.5rem; }
.lab-nps .form { display: grid; grid-template-columns: max-content minmax(8rem, 20rem); gap: 0.4rem 0.8rem; align-items: center; }
.lab-nps-result { display: grid; gap: 0.4rem; justify-items: start; }
.lab-nps-result p { margin: 0; }
.lab-nps table.abc { width: auto; min-width: 20rem; }
.lab-nps table.abc th[scope='row'] { text-align: left; }
.lab-nps-result h4 { margin: 0; }
table.lab-nps-histogram { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.lab-nps-histogram th, table.lab-nps-histogram td { border: 1px solid var(--line, #c8ced6); padding: 0.2rem 0.5rem; text-align: center; min-width: 2rem; }
.lab-nps .promoter th[scope='row'], table.lab-nps-histogram th.promoter { background: #e3f3ec; }
.lab-nps .passive th[scope='row'], table.lab-nps-histogram th.passive { background: #f1f1f1; }
.lab-nps .detractor th[scope='row'], table.lab-nps-histogram th.detractor { background: #fbe9dd; }
`;

export function addLabStyle(): void {
  if (typeof document === 'undefined' || document.getElementById('lab-style')) return;
  const style = document.createElement('style');
  style.id = 'lab-style';
  style.textContent = CSS;
  document.head.append(style);
}
