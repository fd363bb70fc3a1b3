#include <doctest/doctest.h>

#include <string>

#include "framework/autodiff/errors.h"
#include "framework/io/plot/svg.h"
#include "framework/io/plot/svg_canvas.h"
#include "tests/plot/plot_test_util.h"

namespace mann::plot {
namespace {

using testing::count_of;

TEST_CASE("svg_escape: XML specials, control characters, malformed UTF-8") {
  CHECK(svg_escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
  CHECK(svg_escape("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(svg_escape("bad\xFF\x01") == "bad??");
  CHECK(svg_escape("cut \xE2\x82") == "cut ??");
}

TEST_CASE("SvgDocument: well-formed elements and atomic write") {
  SvgDocument doc(100, 50);
  SvgStyle fill;
  fill.fill = Color{255, 0, 0};
  fill.css_class = "box";
  doc.rect(1, 2, 3.333f, 4, fill);
  SvgStyle stroke;
  stroke.stroke = kBlack;
  stroke.stroke_width = 2;
  doc.line({0, 0}, {10, 10}, stroke);
  doc.polyline({{0, 0}, {1, 1}, {2, 0}}, stroke);
  SvgStyle band;
  band.fill = Color{0, 0, 255};
  band.fill_opacity = 0.25f;
  doc.polygon({{0, 0}, {1, 1}, {2, 0}}, band);
  SvgTextStyle text;
  text.rotate_degrees = -90;
  doc.text(5, 6, "<tag> & \"q\"", text);
  const std::string svg = doc.str();
  CHECK(svg.find("<rect x=\"1\" y=\"2\" width=\"3.33\" height=\"4\" fill=\"#ff0000\" class=\"box\"/>") !=
        std::string::npos);
  CHECK(svg.find("stroke=\"#000000\" stroke-width=\"2\"") != std::string::npos);
  CHECK(svg.find("points=\"0,0 1,1 2,0\"") != std::string::npos);
  CHECK(svg.find("fill-opacity=\"0.25\"") != std::string::npos);
  CHECK(svg.find("transform=\"rotate(-90 5 6)\"") != std::string::npos);
  CHECK(svg.find(">&lt;tag&gt; &amp; &quot;q&quot;</text>") != std::string::npos);
  CHECK(count_of(svg, "<") == count_of(svg, ">"));
  CHECK(count_of(svg, "<svg ") == 1);
  CHECK(svg.find("</svg>\n") == svg.size() - 7);

  testing::TempDir dir;
  doc.write_svg(dir.path("doc.svg"));
  CHECK(testing::read_text(dir.path("doc.svg")) == svg);
  CHECK_THROWS_AS(doc.write_svg(dir.path("no/such/dir.svg")), UserError);
}

TEST_CASE("SvgCanvas: kinds become classes, text is centred on its middle line") {
  SvgDocument doc(100, 100);
  SvgCanvas canvas(doc);
  canvas.fill_rect(0, 0, 10, 10, kBlack, "cell");
  canvas.stroke_rect(0, 0, 10, 10, kBlack, 2, "mark");
  TextStyle style;
  style.anchor = Anchor::kMiddle;
  canvas.text({50, 20}, "x", style);
  const std::string svg = doc.str();
  CHECK(svg.find("class=\"cell\"") != std::string::npos);
  CHECK(svg.find("<rect x=\"1\" y=\"1\" width=\"8\" height=\"8\" fill=\"none\"") != std::string::npos);
  CHECK(svg.find("<text x=\"50\" y=\"27\" font-size=\"20\" text-anchor=\"middle\">x</text>") !=
        std::string::npos);
}

}  // namespace
}  // namespace mann::plot
