// Enum options (enum_option in framework/components/spec_helpers.h): choices and default from the enum's
// table and the C++ value, read back as the enum, and a wrong value refused with the choices and the
// nearest one, from a file (at its file:line and key) or from plain text.
#include <doctest/doctest.h>

#include <string>

#include "framework/addressing/soft_content.h"
#include "framework/components/spec_helpers.h"
#include "framework/config/enum_parse.h"
#include "framework/config/registry.h"
#include "framework/nn/recurrent_cell.h"
#include "models/memn2n/memn2n_options.h"

using namespace mann;

TEST_SUITE_BEGIN("config");

namespace {

ComponentSpec scorer_spec() {
  return {"addressing",
          "toy",
          "A module with an enum option.",
          {enum_option("score", SoftContentOptions{}.score, "how a query scores a slot"),
           enum_option("encoding", SentenceEncoding::Position, "sentence encoding")}};
}

// The message of validating `text` against scorer_spec(), "" when it passes.
std::string problem_with(const std::string& text) {
  Registry r;
  r.add_spec(scorer_spec());
  try {
    validate(load_config_string(text, "a.yaml"), *r.find("addressing", "toy"), r);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("enum option: the choices are the enum's spellings and the default is the C++ value's name") {
  const OptionSpec option = enum_option("score", ContentScore::ScaledDot, "how a query scores a slot");
  CHECK(option.type == "string");
  CHECK(option.default_text == "scaled_dot");
  CHECK(option.choices == std::vector<std::string>{"dot", "scaled_dot", "cosine", "additive"});
  CHECK(enum_option("cell", RnnKind::Gru, "").default_text == "gru");
}

TEST_CASE("enum option: ConfigView::get reads the value, or the default, as the enum") {
  Registry r;
  r.add_spec(scorer_spec());
  const ComponentSpec& spec = *r.find("addressing", "toy");
  const ConfigNode set = load_config_string("score: cosine\nencoding: position\n", "a.yaml");
  const ConfigView v(set, spec, &r);
  CHECK(v.get<ContentScore>("score") == ContentScore::Cosine);
  CHECK(v.get<SentenceEncoding>("encoding") == SentenceEncoding::Position);  // an older spelling
  const ConfigNode empty = ConfigNode::map();
  const ConfigView defaults(empty, spec, &r);
  CHECK(defaults.get<ContentScore>("score") == ContentScore::ScaledDot);
  CHECK(defaults.get<SentenceEncoding>("encoding") == SentenceEncoding::Position);
}

TEST_CASE("enum option: a wrong value in a file names file, line, key, the choices and the nearest") {
  CHECK(problem_with("score: additive\n").empty());
  CHECK(problem_with("score: cosin\n") ==
        "a.yaml:1:8: key `score`: must be one of dot, scaled_dot, cosine, additive, got `cosin`; did you "
        "mean `cosine`?");
  CHECK(problem_with("encoding: banana\n") ==
        "a.yaml:1:11: key `encoding`: must be one of bow, pe, pe_centered, position, got `banana`");
  CHECK(problem_with("score: [dot]\n").starts_with("a.yaml:1:8: key `score`: expected a string"));
  // Read without validation first, the value is refused just the same.
  Registry r;
  r.add_spec(scorer_spec());
  const ConfigNode node = load_config_string("score: Dot\n", "a.yaml");
  const ConfigView v(node, *r.find("addressing", "toy"), &r);
  CHECK_THROWS_WITH_AS(
      v.get<ContentScore>("score"),
      "a.yaml:1:8: key `score`: must be one of dot, scaled_dot, cosine, additive, got `Dot`; "
      "did you mean `dot`?",
      ConfigError);
}

TEST_CASE("parse_enum: text names a value, or the error lists the choices and the nearest") {
  CHECK(parse_enum<RnnKind>("gru") == RnnKind::Gru);
  CHECK(parse_enum<SentenceEncoding>("pe_centered") == SentenceEncoding::PositionCentered);
  CHECK_THROWS_WITH_AS(parse_enum<RnnKind>("lstn"),
                       "unknown recurrent cell `lstn`: must be one of lstm, gru; did you mean `lstm`?",
                       UserError);
  CHECK_THROWS_WITH_AS(parse_enum<ContentScore>("bilinear"),
                       "unknown content score `bilinear`: must be one of dot, scaled_dot, cosine, additive",
                       UserError);
}

TEST_CASE("enum option: the listing shows its choices and its default") {
  Registry r;
  r.add_spec(scorer_spec());
  const std::string listing = r.format_listing("addressing", "toy");
  CHECK(listing.find("default: scaled_dot") != std::string::npos);
  CHECK(listing.find("one of: dot, scaled_dot, cosine, additive\n") != std::string::npos);
  CHECK(listing.find("one of: bow, pe, pe_centered, position\n") != std::string::npos);
}

TEST_SUITE_END();
