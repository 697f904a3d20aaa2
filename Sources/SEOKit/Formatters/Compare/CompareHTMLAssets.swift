/// The inline SVG charts of the HTML report. Charts carry numbers only; the few text labels
/// are escaped like everything else.
enum SVGChart {
    // Colours (also in the stylesheet's legend, and looked for by scripts/browser_check.py).
    static let boxFill = "#9ec5e8"
    static let boxStroke = "#1f5f99"
    static let median = "#0b3d66"
    static let draftInside = "#2b8a3e"
    static let draftOutside = "#d9480f"
    static let track = "#e9ecef"

    /// A coordinate with one decimal, locale-free.
    static func coordinate(_ value: Double) -> String {
        ComparisonFormat.number(value, places: 1).replacingOccurrences(of: ",", with: "")
    }

    /// The key to the range charts.
    static let legend: String = {
        func key(_ shape: String, _ text: String) -> String {
            "<svg class=\"key\" width=\"18\" height=\"14\" viewBox=\"0 0 18 14\">\(shape)</svg> \(text) "
        }
        return key("<rect x=\"1\" y=\"2\" width=\"16\" height=\"10\" fill=\"\(boxFill)\" stroke=\"\(boxStroke)\"/>", "competitors' middle half (Q1–Q3)")
            + key("<line x1=\"9\" y1=\"1\" x2=\"9\" y2=\"13\" stroke=\"\(median)\" stroke-width=\"3\"/>", "median")
            + key("<line x1=\"1\" y1=\"7\" x2=\"17\" y2=\"7\" stroke=\"\(boxStroke)\" stroke-width=\"2\"/>", "range without outliers")
            + key("<circle cx=\"9\" cy=\"7\" r=\"2.5\" fill=\"\(boxStroke)\"/>", "one page")
            + key("<circle cx=\"9\" cy=\"7\" r=\"2.5\" fill=\"#ffffff\" stroke=\"\(boxStroke)\"/>", "outlier")
            + key("<path d=\"M9 1 L15 7 L9 13 L3 7 Z\" fill=\"\(draftInside)\"/>", "draft in range")
            + key("<path d=\"M9 1 L15 7 L9 13 L3 7 Z\" fill=\"\(draftOutside)\"/>", "draft out of range")
    }()

    /// The score as a ring: the filled arc is the score out of 100.
    static func scoreRing(value: Int) -> String {
        let clamped = min(max(value, 0), 100)
        let radius = 52.0
        let circumference = 2 * Double.pi * radius
        let filled = circumference * Double(clamped) / 100
        let colour = clamped >= 70 ? draftInside : (clamped >= 40 ? "#e67700" : "#c92a2a")
        var svg = "<svg class=\"ring\" width=\"140\" height=\"140\" viewBox=\"0 0 140 140\" role=\"img\" aria-label=\"Content score \(clamped) out of 100\">"
        svg += "<title>Content score \(clamped) out of 100</title>"
        svg += "<circle cx=\"70\" cy=\"70\" r=\"52\" fill=\"none\" stroke=\"\(track)\" stroke-width=\"16\"/>"
        svg += "<circle cx=\"70\" cy=\"70\" r=\"52\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"16\" "
        svg += "stroke-dasharray=\"\(coordinate(filled)) \(coordinate(circumference))\" transform=\"rotate(-90 70 70)\"/>"
        svg += "<text x=\"70\" y=\"80\" text-anchor=\"middle\" font-size=\"34\" font-weight=\"700\" fill=\"#1a1a1a\">\(clamped)</text>"
        svg += "<text x=\"70\" y=\"100\" text-anchor=\"middle\" font-size=\"12\" fill=\"#495057\">of 100</text></svg>\n"
        return svg
    }

    /// A horizontal bar for a fraction 0…1.
    static func bar(fraction: Double, label: String) -> String {
        let width = 160.0
        let filled = width * min(max(fraction.isFinite ? fraction : 0, 0), 1)
        var svg = "<svg class=\"bar\" width=\"160\" height=\"12\" viewBox=\"0 0 160 12\" role=\"img\" aria-label=\"\(HTMLEscape.text(label))\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"160\" height=\"12\" rx=\"3\" fill=\"\(track)\"/>"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(coordinate(filled))\" height=\"12\" rx=\"3\" fill=\"\(boxStroke)\"/></svg>"
        return svg
    }

    /// The competitors' spread of one measurement with the draft's value: whiskers from the
    /// trimmed minimum to the trimmed maximum, the Q1–Q3 box, the median, one dot per page
    /// (hollow for outliers, drawn at the edge when outside the axis) and the draft's diamond.
    static func range(_ metric: MetricComparison, competitorCount: Int) -> String {
        guard let distribution = metric.distribution else {
            return "<span class=\"muted\">no data</span>"
        }
        let places = metric.metric.places
        var values = [distribution.trimmedMinimum, distribution.trimmedMaximum, distribution.q1, distribution.q3, distribution.median]
        if let draft = metric.draft, draft.isFinite { values.append(draft) }
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if low >= 0 { low = 0 }
        if high <= low { high = low + 1 }
        high += (high - low) * 0.06
        let left = 10.0, right = 370.0, middle = 22.0
        func x(_ value: Double) -> Double {
            left + (min(max(value, low), high) - low) / (high - low) * (right - left)
        }
        let label = "\(metric.metric.label): competitors' median \(ComparisonFormat.number(distribution.median, places: places)), "
            + "middle half \(ComparisonFormat.range(distribution.q1, distribution.q3, places: places)), "
            + "range \(ComparisonFormat.range(distribution.trimmedMinimum, distribution.trimmedMaximum, places: places))"
            + (metric.draft.map { "; draft \(ComparisonFormat.number($0, places: places))" } ?? "; no draft value")
        var svg = "<svg class=\"range\" width=\"380\" height=\"58\" viewBox=\"0 0 380 58\" role=\"img\" aria-label=\"\(HTMLEscape.text(label))\">"
        svg += "<title>\(HTMLEscape.text(label))</title>"
        // Axis.
        svg += "<line x1=\"\(coordinate(left))\" y1=\"44\" x2=\"\(coordinate(right))\" y2=\"44\" stroke=\"#adb5bd\" stroke-width=\"1\"/>"
        for tick in [low, (low + high) / 2, high] {
            let position = x(tick)
            svg += "<line x1=\"\(coordinate(position))\" y1=\"44\" x2=\"\(coordinate(position))\" y2=\"47\" stroke=\"#adb5bd\"/>"
            let anchor = tick == low ? "start" : (tick == high ? "end" : "middle")
            svg += "<text x=\"\(coordinate(position))\" y=\"56\" font-size=\"9\" fill=\"#495057\" text-anchor=\"\(anchor)\">\(ComparisonFormat.number(tick, places: places))</text>"
        }
        // Whiskers and caps.
        let minX = x(distribution.trimmedMinimum), maxX = x(distribution.trimmedMaximum)
        svg += "<line x1=\"\(coordinate(minX))\" y1=\"\(coordinate(middle))\" x2=\"\(coordinate(maxX))\" y2=\"\(coordinate(middle))\" stroke=\"\(boxStroke)\" stroke-width=\"2\"/>"
        for end in [minX, maxX] {
            svg += "<line x1=\"\(coordinate(end))\" y1=\"14\" x2=\"\(coordinate(end))\" y2=\"30\" stroke=\"\(boxStroke)\" stroke-width=\"2\"/>"
        }
        // Box and median.
        let q1X = x(distribution.q1), q3X = x(distribution.q3)
        svg += "<rect x=\"\(coordinate(q1X))\" y=\"10\" width=\"\(coordinate(max(q3X - q1X, 2)))\" height=\"24\" fill=\"\(boxFill)\" stroke=\"\(boxStroke)\" stroke-width=\"1.5\"/>"
        let medianX = x(distribution.median)
        svg += "<line x1=\"\(coordinate(medianX))\" y1=\"10\" x2=\"\(coordinate(medianX))\" y2=\"34\" stroke=\"\(median)\" stroke-width=\"3\"/>"
        // One dot per competitor page.
        for page in metric.competitors {
            let cx = coordinate(x(page.value))
            if page.isOutlier {
                svg += "<circle cx=\"\(cx)\" cy=\"40\" r=\"2.5\" fill=\"#ffffff\" stroke=\"\(boxStroke)\" stroke-width=\"1\"/>"
            } else {
                svg += "<circle cx=\"\(cx)\" cy=\"40\" r=\"2.5\" fill=\"\(boxStroke)\"/>"
            }
        }
        // The draft.
        if let draft = metric.draft, draft.isFinite {
            let dx = x(draft)
            let colour = metric.position == .within || (metric.metric.lowerIsFine && metric.position == .below) ? draftInside : draftOutside
            svg += "<path d=\"M\(coordinate(dx)) 12 L\(coordinate(dx + 8)) 22 L\(coordinate(dx)) 32 L\(coordinate(dx - 8)) 22 Z\" fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
        }
        svg += "</svg>"
        return svg
    }
}

extension CompareHTMLReport {
    /// The stylesheet (hashed into the Content-Security-Policy: it must stay a constant).
    static let stylesheet = """
        :root{color-scheme:light;--ink:#1a1a1a;--muted:#495057;--line:#dee2e6;--accent:#1f5f99}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;color:var(--ink);background:#fff}
        h1{font-size:1.7rem;margin:.5rem 0}
        h2{font-size:1.35rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
        h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
        a{color:#0b5394}
        code{font-size:.9em;overflow-wrap:anywhere}
        .u{unicode-bidi:isolate;overflow-wrap:anywhere;word-break:break-word}
        .meta,.hint,.muted{color:var(--muted)}
        .hint{font-size:.9rem}
        .muted{font-size:.85em}
        nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;table-layout:auto}
        caption{text-align:left;font-weight:600;padding:.25rem 0;color:var(--muted)}
        th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        thead th{background:#f1f3f5;font-size:.9rem;white-space:nowrap}
        td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        td.chart{width:380px;padding:.1rem .25rem}
        .score{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center}
        .score table{width:auto;min-width:22rem}
        .gaps li,.topics li,.outline li{margin:.25rem 0}
        .gain{display:inline-block;min-width:3.2rem;font-weight:700;color:#2b6e35;font-variant-numeric:tabular-nums}
        .checks{list-style:none;padding:0}
        .checks .pass span{color:#2b8a3e;font-weight:700}
        .checks .fail span{color:#c92a2a;font-weight:700}
        .legend{font-size:.85rem;color:var(--muted)}
        svg.key{vertical-align:middle;margin-left:.75rem}
        .badge{display:inline-block;padding:0 .4rem;border-radius:.25rem;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
        .badge.missing{color:#b02525;background:#fff5f5}
        .badge.under-used{color:#8a4500;background:#fff4e6}
        .badge.in-range,.badge.heading{color:#22703a;background:#ebfbee}
        .badge.over-used{color:#5235ab;background:#f3f0ff}
        .badge.text{color:#8a4500;background:#fff4e6}
        .tag{display:inline-block;font-size:.7rem;font-weight:700;color:#495057;border:1px solid #adb5bd;border-radius:.2rem;padding:0 .25rem;vertical-align:middle}
        .forms{font-size:.8rem;color:var(--muted);font-weight:400}
        .columns{display:grid;grid-template-columns:1fr 1fr;gap:2rem}
        .outline,.topics{padding-left:1.25rem}
        .outline .l1{margin-left:0}.outline .l2{margin-left:1rem}.outline .l3{margin-left:2rem}
        .outline .l4,.outline .l5,.outline .l6{margin-left:3rem}
        .draft{border:1px solid var(--line);border-radius:.4rem;padding:.5rem 1rem;max-height:none}
        .draft p,.draft li{unicode-bidi:isolate}
        .dh{font-weight:700;margin:1rem 0 .25rem}
        .dh.l1{font-size:1.3rem}.dh.l2{font-size:1.15rem}
        .s.hard{background:#fff3bf;box-shadow:0 1px 0 #e6b800}
        .s.very-hard{background:#ffe3e3;box-shadow:0 1px 0 #e03131}
        mark.kp{background:#d0ebff;color:inherit;border-bottom:2px solid #1c7ed6;padding:0 .1rem}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f8f9fa;padding:.5rem}
        th[aria-sort] button::after{content:" ▲"}
        th[aria-sort=descending] button::after{content:" ▼"}
        button.sort{font:inherit;font-weight:700;background:none;border:0;padding:0;color:inherit;cursor:pointer;text-align:left}
        button.sort:focus-visible{outline:2px solid #1c7ed6;outline-offset:2px}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}
        @media (max-width:48rem){.columns{grid-template-columns:1fr}td.chart svg{width:100%;height:auto}}
        @media print{body{max-width:none;padding:0;font-size:11pt}nav,.hint{display:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        section{break-inside:auto}tr,svg,.topics li,.outline li{break-inside:avoid}h2,h3{break-after:avoid}.columns{grid-template-columns:1fr 1fr}a{color:inherit}}

        """

    /// Makes the term table sortable (hashed into the Content-Security-Policy: it must stay a
    /// constant and never contain input). Without it the table is complete, in importance order.
    static let sorterScript = """
        (function () {
          "use strict";
          var table = document.getElementById("terms");
          if (!table || !table.tHead || !table.tBodies.length) { return; }
          var heads = table.tHead.rows[0].cells;
          function sortBy(index, type, th) {
            var ascending = th.getAttribute("aria-sort") !== "ascending";
            for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute("aria-sort"); }
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[index].getAttribute("data-value") || "";
              var y = b.cells[index].getAttribute("data-value") || "";
              var c = type === "number" ? (parseFloat(x) - parseFloat(y)) : (x < y ? -1 : (x > y ? 1 : 0));
              if (c === 0 || isNaN(c)) { c = parseInt(a.getAttribute("data-order"), 10) - parseInt(b.getAttribute("data-order"), 10); return c; }
              return ascending ? c : -c;
            });
            for (var k = 0; k < rows.length; k++) { body.appendChild(rows[k]); }
          }
          Array.prototype.forEach.call(heads, function (th, index) {
            var type = th.getAttribute("data-type");
            if (!type) { return; }
            var button = document.createElement("button");
            button.type = "button";
            button.className = "sort";
            while (th.firstChild) { button.appendChild(th.firstChild); }
            th.appendChild(button);
            button.addEventListener("click", function () { sortBy(index, type, th); });
          });
          document.documentElement.setAttribute("data-sorter", "ready");
        })();

        """
}
