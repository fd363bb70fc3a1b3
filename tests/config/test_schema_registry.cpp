#include <doctest/doctest.h>

#include <memory>

#include "config_test_util.h"
#include "framework/config/registry.h"
#include "framework/config/suggest.h"

using mann::ComponentSpec;
using mann::ConfigError;
using mann::ConfigNode;
using mann::ConfigView;
using mann::load_config_string;
using mann::Registry;
using mann::testing::catch_config_error;

namespace {

// Toy component hierarchy standing in for the real models.
struct Addressing {
  virtual ~Addressing() = default;
  virtual std::string describe() const = 0;
};
struct ContentAddressing : Addressing {
  std::string score;
  double beta = 0;
  std::string describe() const override { return "content(" + score + ", " + std::to_string(beta) + ")"; }
};
struct LocationAddressing : Addressing {
  int shift = 0;
  std::string describe() const override { return "location(" + std::to_string(shift) + ")"; }
};
struct Model {
  int hops = 0;
  int slots = 0;
  std::vector<int> sizes;
  bool sharpen = false;
  std::string controller_type;
  std::unique_ptr<Addressing> addressing;
};
struct Ctx {
  int built = 0;  // counts factory calls, to check the context is threaded through
};

ComponentSpec ntm_spec() {
  return {"model",
          "ntm",
          "Neural Turing machine.",
          {
              {"hops", "int", "3", false, "Read hops per step."},
              {"memory_slots", "int", "", true, "Number of memory rows."},
              {"sizes", "int_list", "[64, 64]", false, "Controller layer sizes."},
              {"sharpen", "bool", "true", false, "Sharpen the weighting."},
              {"addressing", "component:addressing", "", true, "How memory is addressed."},
              {"controller", "component:controller", "{type: lstm}", false, "The controller network."},
              {"note", "string", "", false, "Free text."},
          }};
}

Registry make_registry() {
  Registry r;
  r.add<Model, Ctx>(ntm_spec(), [](const ConfigView& v, Ctx& ctx) {
    ++ctx.built;
    auto m = std::make_unique<Model>();
    m->hops = v.get<int>("hops");
    m->slots = v.get<int>("memory_slots");
    m->sizes = v.get<std::vector<int>>("sizes");
    m->sharpen = v.get<bool>("sharpen");
    m->controller_type = v.child("controller").type();
    m->addressing = v.registry().create<Addressing>(v.child("addressing"), ctx);
    return m;
  });
  r.add<Addressing, Ctx>({"addressing",
                          "content",
                          "Content-based addressing.",
                          {{"score", "string", "cosine", false, "Similarity measure."},
                           {"beta", "float", "1.0", false, "Key strength."}}},
                         [](const ConfigView& v, Ctx& ctx) {
                           ++ctx.built;
                           auto a = std::make_unique<ContentAddressing>();
                           a->score = v.get<std::string>("score");
                           a->beta = v.get<double>("beta");
                           return std::unique_ptr<Addressing>(std::move(a));
                         });
  r.add<Addressing, Ctx>(
      {"addressing", "location", "Shift-based addressing.", {{"shift", "int", "1", false, ""}}},
      [](const ConfigView& v, Ctx& ctx) {
        ++ctx.built;
        auto a = std::make_unique<LocationAddressing>();
        a->shift = v.get<int>("shift");
        return std::unique_ptr<Addressing>(std::move(a));
      });
  r.add_spec({"controller", "lstm", "LSTM controller.", {{"hidden", "int", "100", false, "Hidden units."}}});
  r.add_spec({"controller", "mlp", "", {{"layers", "int_list", "[100]", false, "Layer widths."}}});
  r.add_spec({"dataset", "copy", "Copy task.", {{"length", "int", "", true, "Sequence length."}}});
  return r;
}

// Validates the `model` map of a YAML text against the ntm spec.
void validate_model(const std::string& text) {
  const Registry r = make_registry();
  const ConfigNode root = load_config_string(text, "m.yaml");
  mann::validate(root.at("model"), *r.find("model", "ntm"), r);
}

}  // namespace

TEST_CASE("suggest: edit distance and nearest match") {
  CHECK(mann::edit_distance("hosp", "hops") == 1);  // adjacent transposition
  CHECK(mann::edit_distance("kitten", "sitting") == 3);
  CHECK(mann::edit_distance("", "abc") == 3);
  CHECK(mann::nearest_match("hosp", {"memory_slots", "hops", "sizes"}) == "hops");
  CHECK(mann::nearest_match("modle", {"name", "model", "mode"}) == "model");
  CHECK(mann::nearest_match("xyzzy", {"hops", "sizes"}) == "");
  CHECK(mann::nearest_match("ab", {"cd"}) == "");  // a complete rewrite is no suggestion
  CHECK(mann::nearest_match("memory_slotz_and_more", {"memory_slots"}) == "");  // distance 9 > 21/3
}

TEST_CASE("validate: a correct component passes, nested included") {
  CHECK_NOTHROW(
      validate_model("model:\n"
                     "  type: ntm\n"
                     "  memory_slots: 128\n"
                     "  hops: 2\n"
                     "  sizes: [1, 2]\n"
                     "  addressing: {type: content, beta: 2.5}\n"
                     "  controller: {type: mlp, layers: [8]}\n"
                     "  note: 5\n"));  // any scalar is a string
}

TEST_CASE("validate: unknown key names its position and suggests the nearest option") {
  ConfigError e = catch_config_error([] {
    validate_model(
        "model:\n"
        "  type: ntm\n"
        "  memory_slots: 4\n"
        "  addressing: {type: content}\n"
        "  hosp: 3\n");
  });
  CHECK(std::string(e.what()) ==
        "m.yaml:5:3: key `model.hosp`: unknown key for model `ntm`; did you mean `hops`?");
  CHECK(e.pos().line == 5);
  CHECK(e.pos().column == 3);
  CHECK(e.key_path() == "model.hosp");
  CHECK(e.suggestion() == "hops");

  e = catch_config_error([] {
    validate_model("model:\n  type: ntm\n  memory_slots: 4\n  addressing: {type: content}\n  colour: red\n");
  });
  CHECK(std::string(e.what()) == "m.yaml:5:3: key `model.colour`: unknown key for model `ntm`");
  CHECK(e.suggestion().empty());
}

TEST_CASE("validate: wrong types are reported at the value") {
  ConfigError e = catch_config_error([] {
    validate_model("model:\n  type: ntm\n  memory_slots: 4\n  addressing: {type: content}\n  hops: three\n");
  });
  CHECK(std::string(e.what()) == "m.yaml:5:9: key `model.hops`: expected an integer, got `three`");

  e = catch_config_error([] {
    validate_model(
        "model:\n  type: ntm\n  memory_slots: 4\n  addressing: {type: content}\n  sizes: [1, x]\n");
  });
  CHECK(std::string(e.what()) == "m.yaml:5:14: key `model.sizes[1]`: expected an integer, got `x`");

  e = catch_config_error([] {
    validate_model(
        "model:\n  type: ntm\n  memory_slots: 4\n  addressing: {type: content}\n  sharpen: maybe\n");
  });
  CHECK(std::string(e.what()) ==
        "m.yaml:5:12: key `model.sharpen`: expected a boolean (true/false), got `maybe`");

  e = catch_config_error([] {
    validate_model("model:\n  type: ntm\n  memory_slots: 4\n  addressing: {type: content}\n  note: [a]\n");
  });
  CHECK(e.problem() == "expected a string, got a list");

  e = catch_config_error([] { validate_model("model: 5\n"); });
  CHECK(std::string(e.what()) ==
        "m.yaml:1:8: key `model`: expected a map of options for model `ntm`, got `5`");
}

TEST_CASE("validate: missing required options are reported at the parent map") {
  ConfigError e = catch_config_error([] {
    validate_model(
        "# comment\n"
        "model:\n"
        "  type: ntm\n"
        "  addressing: {type: content}\n");
  });
  CHECK(std::string(e.what()) ==
        "m.yaml:3:3: key `model.memory_slots`: missing required option of model `ntm` (Number of memory "
        "rows.)");
  CHECK(e.pos().line == 3);
  CHECK(e.key_path() == "model.memory_slots");

  // An explicit null does not satisfy a required option; the error points at it.
  e = catch_config_error([] { validate_model("model:\n  type: ntm\n  memory_slots: 2\n  addressing:\n"); });
  CHECK(e.pos().line == 4);
  CHECK(e.pos().column == 3);
  CHECK(e.key_path() == "model.addressing");
}

TEST_CASE("validate: nested components are checked against the spec their type selects") {
  ConfigError e = catch_config_error([] {
    validate_model(
        "model:\n"
        "  type: ntm\n"
        "  memory_slots: 4\n"
        "  addressing:\n"
        "    type: contnet\n");
  });
  CHECK(std::string(e.what()) ==
        "m.yaml:5:11: key `model.addressing.type`: unknown addressing type `contnet` (registered addressing "
        "types: content, location); did you mean `content`?");
  CHECK(e.suggestion() == "content");

  e = catch_config_error([] {
    validate_model(
        "model:\n  type: ntm\n  memory_slots: 4\n  addressing:\n    type: content\n    betta: 2\n");
  });
  CHECK(
      std::string(e.what()) ==
      "m.yaml:6:5: key `model.addressing.betta`: unknown key for addressing `content`; did you mean `beta`?");

  e = catch_config_error([] {
    validate_model(
        "model:\n  type: ntm\n  memory_slots: 4\n  addressing:\n    type: location\n    shift: 0.5\n");
  });
  CHECK(std::string(e.what()) == "m.yaml:6:12: key `model.addressing.shift`: expected an integer, got `0.5`");

  e = catch_config_error(
      [] { validate_model("model:\n  type: ntm\n  memory_slots: 4\n  addressing:\n    beta: 1\n"); });
  CHECK(std::string(e.what()) ==
        "m.yaml:5:5: key `model.addressing`: missing `type:` to select the addressing (registered addressing "
        "types: "
        "content, location)");

  e = catch_config_error(
      [] { validate_model("model:\n  type: ntm\n  memory_slots: 4\n  addressing: content\n"); });
  CHECK(e.problem().starts_with("expected a map with `type:` to select the addressing, got `content`"));
}

TEST_CASE("registry: create validates, applies defaults and builds nested components") {
  const Registry r = make_registry();
  Ctx ctx;
  const ConfigNode root = load_config_string(
      "model:\n"
      "  type: ntm\n"
      "  memory_slots: 16\n"
      "  sharpen: false\n"
      "  addressing: {type: content, score: dot}\n",
      "m.yaml");
  const std::unique_ptr<Model> m = r.create<Model>("model", root.at("model"), ctx);
  CHECK(ctx.built == 2);
  CHECK(m->hops == 3);  // spec default
  CHECK(m->slots == 16);
  CHECK(m->sizes == std::vector<int>{64, 64});
  CHECK_FALSE(m->sharpen);
  CHECK(m->controller_type == "lstm");  // a component default
  CHECK(m->addressing->describe() == "content(dot, 1.000000)");

  const ConfigNode bad =
      load_config_string("model: {type: ntm, memory_slots: 1, addressing: {type: x}}\n", "b.yaml");
  ConfigError e = catch_config_error([&] { r.create<Model>("model", bad.at("model"), ctx); });
  CHECK(e.key_path() == "model.addressing.type");

  const ConfigNode unknown = load_config_string("model: {type: nmt}\n", "u.yaml");
  e = catch_config_error([&] { r.create<Model>("model", unknown.at("model"), ctx); });
  CHECK(std::string(e.what()) ==
        "u.yaml:1:15: key `model.type`: unknown model type `nmt` (registered model types: ntm); did you mean "
        "`ntm`?");
}

TEST_CASE("registry: type safety and spec checks are programming errors") {
  Registry r = make_registry();
  Ctx ctx;
  const ConfigNode node = load_config_string("{type: content}", "s");
  // Wrong base type for the registered factory.
  CHECK_THROWS_AS(r.create<Model>("addressing", node, ctx), std::logic_error);
  // Spec-only entries have no factory.
  const ConfigNode lstm = load_config_string("{type: lstm}", "s");
  CHECK_THROWS_AS(r.create<Model>("controller", lstm, ctx), std::logic_error);
  // Duplicate registration, a kind registered with two bases, malformed specs.
  CHECK_THROWS_AS(r.add_spec({"dataset", "copy", "", {}}), std::logic_error);
  CHECK_THROWS_AS((r.add<Model, Ctx>({"addressing", "other", "", {}}, nullptr)), std::logic_error);
  CHECK_THROWS_AS(r.add_spec({"x", "a", "", {{"n", "integer", "", false, ""}}}), std::logic_error);
  CHECK_THROWS_AS(r.add_spec({"x", "b", "", {{"n", "int", "abc", false, ""}}}), std::logic_error);
  CHECK_THROWS_AS(r.add_spec({"x", "c", "", {{"type", "int", "", false, ""}}}), std::logic_error);
  CHECK_THROWS_AS(r.add_spec({"x", "d", "", {{"n", "int", "", false, ""}, {"n", "int", "", false, ""}}}),
                  std::logic_error);
  CHECK_THROWS_AS(r.add_spec({"x", "e", "", {{"n", "int", "1", true, ""}}}), std::logic_error);
  CHECK_THROWS_AS(r.add_spec({"x", "f", "", {{"c", "component:y", "3", false, ""}}}), std::logic_error);
  CHECK(r.find("x", "a") == nullptr);
}

TEST_CASE("config view: defaults, has(), undeclared keys and semantic errors") {
  const Registry r = make_registry();
  const ConfigNode node = load_config_string("type: ntm\nmemory_slots: 0\nhops: ~\n", "v.yaml");
  const ConfigView v(node, *r.find("model", "ntm"), &r);
  CHECK(v.get<int>("hops") == 3);  // null means "use the default"
  CHECK(v.has("hops"));
  CHECK_FALSE(v.has("note"));  // optional without default
  CHECK_THROWS_AS(v.get<std::string>("note"), std::logic_error);
  CHECK_THROWS_AS(v.get<int>("hopz"), std::logic_error);  // not in the spec
  CHECK_THROWS_AS(v.child("hops"), std::logic_error);     // not a component
  CHECK(v.value("sizes").pos().file == "<default of model `ntm`>");
  CHECK(v.value("sizes").path() == "sizes");
  CHECK(v.child("controller").get<int>("hidden") == 100);  // default of a default component
  CHECK(v.kind() == "model");
  CHECK(v.type() == "ntm");

  ConfigError e = catch_config_error([&] { v.fail("memory_slots", "must be positive"); });
  CHECK(std::string(e.what()) == "v.yaml:2:15: key `memory_slots`: must be positive");
  // A required option that slipped past validation is a ConfigError at the map.
  e = catch_config_error([&] { v.child("addressing"); });
  CHECK(e.key_path() == "addressing");
}

TEST_CASE("registry: list and format_listing cover every option") {
  const Registry r = make_registry();
  const std::vector<ComponentSpec> specs = r.list();
  std::vector<std::string> names;
  for (const ComponentSpec& s : specs) names.push_back(s.kind + "/" + s.type);
  CHECK(names == std::vector<std::string>{"addressing/content", "addressing/location", "controller/lstm",
                                          "controller/mlp", "dataset/copy", "model/ntm"});
  CHECK(r.types_of("addressing") == std::vector<std::string>{"content", "location"});

  const std::string listing = r.format_listing();
  for (const ComponentSpec& s : specs) {
    CAPTURE(s.type);
    CHECK(listing.find(s.kind + ":\n") != std::string::npos);
    CHECK(listing.find("  " + s.type) != std::string::npos);
    if (!s.doc.empty()) CHECK(listing.find(s.doc) != std::string::npos);
    for (const mann::OptionSpec& o : s.options) {
      CAPTURE(o.name);
      CHECK(listing.find(o.name) != std::string::npos);
      CHECK(listing.find(o.type) != std::string::npos);
      if (!o.default_text.empty()) CHECK(listing.find("default: " + o.default_text) != std::string::npos);
      if (!o.doc.empty()) CHECK(listing.find(o.doc) != std::string::npos);
    }
  }
  CHECK(listing.find("(required)") != std::string::npos);
  // Options are listed one per line: name, type, default, doc.
  CHECK(listing.find(
            "      hops          int                   default: 3             Read hops per step.\n") !=
        std::string::npos);
}
