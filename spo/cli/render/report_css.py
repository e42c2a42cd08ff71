"""The HTML report's stylesheet, inline: system fonts only, the relations' and stages' colours,
and a print stylesheet that sets the page on A4 for a council memo."""

CSS = """
:root { --hosted: #2c7fb8; --in_talks: #f39c12; --supported: #8e44ad; --launched: #1a9641;
  --none: #b0b0b0; --ink: #1d2733; --muted: #5b6776; --line: #d9dee4; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px 32px; line-height: 1.4; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem;
  margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.note, .scope, .office { color: var(--muted); margin: .2rem 0; font-size: .92rem; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
  background: #f7f9fb; }
.card .number { font-size: 1.9rem; font-weight: 700; }
.card .what { color: var(--muted); font-size: .9rem; }
.card .detail { color: var(--muted); font-size: .8rem; font-style: italic; }
.card[data-figure=hosted] { border-left: 6px solid var(--hosted); }
.card[data-figure=in_talks] { border-left: 6px solid var(--in_talks); }
.card[data-figure=supported] { border-left: 6px solid var(--supported); }
.card[data-figure=launched] { border-left: 6px solid var(--launched); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .3rem 0 .6rem; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: #eef1f4; }
.reported td:first-child { white-space: nowrap; }
.left-out { border: 1px solid #e6b0aa; border-left: 6px solid #8e1c12; border-radius: 8px;
  background: #fdf3f2; padding: 4px 14px; margin-top: 1rem; }
.left-out h2 { border: 0; margin-top: .4rem; color: #8e1c12; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.source { font-size: .8rem; color: var(--muted); min-width: 14rem; overflow-wrap: break-word; }
.status { border-radius: 10px; padding: 1px 8px; font-weight: 600; display: inline-block; }
.status-met .status { background: #d8f0dc; color: #145c28; }
.status-contradicted .status { background: #fadbd8; color: #8e1c12; }
.status-partly-recorded .status { background: #fdf1d6; color: #6b4a05; }
.status-unbacked .status { background: #eceff1; color: #4a5561; }
.map-box { display: flex; gap: 16px; align-items: flex-end; }
.map-box .key { flex: 0 0 15rem; }
svg.map { flex: 1; width: 100%; height: auto; }
path.province { fill: #eef1ea; stroke: #a3ab98; stroke-width: .6; stroke-linejoin: round; }
path.province:hover { stroke: var(--ink); stroke-width: 1.2; }
path.province.rel-hosted { fill: #c9dff0; } path.province.rel-in_talks { fill: #fbe1b6; }
path.province.rel-supported { fill: #dccbe6; } path.province.rel-launched { fill: #c3e6c9; }
path.province.rel-none { fill: #e2e2e2; }
.marker { stroke: #ffffff; stroke-width: 1.2; fill-opacity: .95; }
.rel-hosted { fill: var(--hosted); } .rel-in_talks { fill: var(--in_talks); }
.rel-supported { fill: var(--supported); } .rel-launched { fill: var(--launched); }
.rel-none { fill: var(--none); }
.marker.office { stroke: var(--ink); stroke-width: 2.5; }
.legend { list-style: none; padding: 0; margin: .4rem 0; font-size: .9rem; }
.legend li { margin: 3px 0; display: inline-flex; align-items: center; gap: 6px;
  margin-right: 14px; }
.map-box .legend li { display: block; margin-right: 0; }
.legend li svg { vertical-align: -2px; }
.legend .count { color: var(--muted); }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { font-size: 13px; fill: var(--ink); }
svg.chart .value { fill: var(--muted); }
.axis { stroke: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.bar { fill: #4a78a8; }
.bar.visits, .swatch.visits { fill: var(--hosted); background: var(--hosted); }
.stage-inquiry { fill: var(--in_talks); background: var(--in_talks); }
.stage-study-visit { fill: #74add1; background: #74add1; }
.stage-presentation { fill: #c2a5cf; background: #c2a5cf; }
.stage-planning-support { fill: #9970ab; background: #9970ab; }
.stage-implementation-support { fill: var(--supported); background: var(--supported); }
.stage-launched { fill: var(--launched); background: var(--launched); }
.stage-paused { fill: #bdbdbd; background: #bdbdbd; }
.stage-dropped { fill: #7f7f7f; background: #7f7f7f; }
a { color: #1f5f99; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem;
  border-top: 1px solid var(--line); }
@media (max-width: 700px) { .cards { grid-template-columns: repeat(2, 1fr); }
  .map-box { display: block; } .map-box .legend li { display: inline-flex; margin-right: 12px; } }
@page { size: A4; margin: 15mm 14mm; }
@media screen and (max-width: 1000px) {
  /* A narrow window scrolls a wide table sideways inside its box, never the page. */
  section.reported, .table-box { overflow-x: auto; }
  td.source { min-width: 8rem; overflow-wrap: anywhere; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .map-box { flex-wrap: wrap; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: .9rem; } h3 { margin-top: .7rem; }
  header p { font-size: 8.5pt; }
  .card { background: none; padding: 4px 8px; } .card .number { font-size: 15pt; }
  .card .what { font-size: 8.5pt; }
  table { font-size: 8pt; } th, td { padding: 2px 4px; }
  td.source { font-size: 7pt; min-width: 17em; } .status { white-space: nowrap; }
  .note, .scope, .office { font-size: 8pt; }
  .map-box .key { flex-basis: 12rem; }
  .legend { font-size: 8pt; } .legend li { margin: 1px 8px 1px 0; }
  .charts { display: flex; gap: 0 8mm; } .chart-box { flex: 1 1 50%; }
  svg.chart { max-height: 60mm; width: auto; } svg.chart text { font-size: 17px; }
  /* Sections flow on from one page to the next; only what a break would cut in two is kept
     whole: the map, a chart, a row, a card, a small table, a heading with what follows it.
     The small tables share the page in two columns; a table of many columns spans both. */
  section.tables { columns: 2; column-gap: 8mm; }
  section.tables > h2, .table-box.wide { column-span: all; }
  .table-box { break-inside: avoid; }
  .map-box, .chart-box, .cards, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
