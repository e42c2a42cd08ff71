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
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.source { font-size: .8rem; color: var(--muted); min-width: 10rem; overflow-wrap: anywhere; }
.status { border-radius: 10px; padding: 1px 8px; font-weight: 600; white-space: nowrap; }
.status-met .status { background: #d8f0dc; color: #145c28; }
.status-contradicted .status { background: #fadbd8; color: #8e1c12; }
.status-partly-recorded .status { background: #fdf1d6; color: #6b4a05; }
.status-unbacked .status { background: #eceff1; color: #4a5561; }
.map-box { display: flex; gap: 16px; align-items: flex-start; }
svg.map { flex: 1; width: 100%; height: auto; }
.land { fill: #eef2e6; stroke: #9aa58c; stroke-width: 1.2; }
.sea { fill: #ffffff; stroke: #9aa58c; stroke-width: 1; }
.province { fill: #9aa58c; }
.marker { stroke: #ffffff; stroke-width: 1.5; fill-opacity: .92; }
.rel-hosted { fill: var(--hosted); } .rel-in_talks { fill: var(--in_talks); }
.rel-supported { fill: var(--supported); } .rel-launched { fill: var(--launched); }
.rel-none { fill: var(--none); }
.marker.office { stroke: var(--ink); stroke-width: 2.5; }
.legend { list-style: none; padding: 0; margin: .4rem 0; font-size: .9rem; }
.legend li { margin: 3px 0; display: inline-flex; align-items: center; gap: 6px;
  margin-right: 14px; }
.map-box .legend li { display: flex; margin-right: 0; }
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
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 16pt; } h2 { font-size: 12.5pt; margin-top: 1.2rem; }
  .card { background: none; padding: 6px 8px; } .card .number { font-size: 16pt; }
  table { font-size: 8.5pt; } th, td { padding: 2px 4px; }
  .map-box { display: block; } .map-box .legend li { display: inline-flex; margin-right: 12px; }
  section.places, section.charts, table, .cards { break-inside: avoid; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
