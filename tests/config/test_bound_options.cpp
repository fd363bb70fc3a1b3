// BoundOptions: an option declared once as a field of an options struct gives the spec (name, type, default
// from the member, enum choices, range) and reads a config into the struct.
#include <doctest/doctest.h>

#include "framework/components/bound_options.h"
#include "framework/config/config_error.h"
#include "framework/config/registry.h"
#include "framework/nn/activation.h"

using namespace mann;

TEST_SUITE_BEGIN("config");

namespace {

struct Inner {
  float eps = 1e-3f;
};

struct Outer {
  int width = 4;
  int64_t steps = 10;
  double rate = 0.5;
  bool flag = true;
  std::string label = "x";
  Activation activation = Activation::Tanh;
  std::optional<bool> maybe;
  Inner inner;
  struct {
    float weight = 2.f;
  } nested;
};

const BoundOptions<Inner>& inner_fields() {
  static const auto fields = BoundOptions<Inner>().field("eps", &Inner::eps, "a small number");
  return fields;
}

BoundOptions<Outer> outer_fields() {
  return BoundOptions<Outer>()
      .field("width", &Outer::width, "a width", at_least(1))
      .field("steps", &Outer::steps, "steps")
      .field("rate", &Outer::rate, "a rate", between(0, 1))
      .field("flag", &Outer::flag, "a flag")
      .field("label", &Outer::label, "a label")
      .field("activation", &Outer::activation, "an activation")
      .field("maybe", &Outer::maybe, "unset unless given")
      .include(&Outer::inner, inner_fields())
      .field("weight", [](Outer& o) -> float& { return o.nested.weight; }, "a member of a member");
}

// The struct read from `yaml` by a view of a component whose spec is `fields`' (validated first).
Outer read(const BoundOptions<Outer>& fields, const std::string& yaml) {
  static ComponentSpec spec;
  spec = ComponentSpec{"thing", "outer", "test", fields.specs()};
  Registry registry;
  const ConfigNode node = load_config_string("type: outer\n" + yaml, "t.yaml");
  validate(node, spec, registry);
  return fields.read(ConfigView(node, spec, &registry));
}

const OptionSpec& spec_of(const std::vector<OptionSpec>& specs, const std::string& name) {
  for (const OptionSpec& s : specs)
    if (s.name == name) return s;
  throw std::logic_error("no option " + name);
}

}  // namespace

TEST_CASE("bound options: one declaration gives the spec's names, types, defaults, choices and ranges") {
  const BoundOptions<Outer> fields = outer_fields();
  const std::vector<OptionSpec>& specs = fields.specs();
  std::vector<std::string> names;
  for (const OptionSpec& s : specs) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"width", "steps", "rate", "flag", "label", "activation", "maybe",
                                          "eps", "weight"});
  CHECK(spec_of(specs, "width").type == "int");
  CHECK(spec_of(specs, "width").default_text == "4");
  CHECK(spec_of(specs, "width").range.has_value());
  CHECK(spec_of(specs, "steps").type == "int");
  CHECK(spec_of(specs, "rate").type == "float");
  CHECK(spec_of(specs, "flag").default_text == "true");
  CHECK(spec_of(specs, "label").type == "string");
  CHECK(spec_of(specs, "activation").default_text == "tanh");
  CHECK(spec_of(specs, "activation").choices.size() >= 4);
  CHECK(spec_of(specs, "maybe").default_text.empty());
  CHECK_FALSE(spec_of(specs, "maybe").required);
  CHECK(spec_of(specs, "eps").default_text == "0.001");
  CHECK(spec_of(specs, "weight").default_text == "2");
}

TEST_CASE("bound options: a config read into the struct, defaults where it is silent") {
  const BoundOptions<Outer> fields = outer_fields();
  const Outer defaults = read(fields, "");
  CHECK(defaults.width == 4);
  CHECK(defaults.steps == 10);
  CHECK(defaults.activation == Activation::Tanh);
  CHECK_FALSE(defaults.maybe.has_value());
  CHECK(defaults.inner.eps == doctest::Approx(1e-3f));
  CHECK(defaults.nested.weight == 2.f);

  const Outer set = read(fields,
                         "width: 7\nsteps: 3000000000\nrate: 0.25\nflag: false\nlabel: y\nactivation: relu\n"
                         "maybe: true\neps: 0.5\nweight: 3\n");
  CHECK(set.width == 7);
  CHECK(set.steps == 3000000000);
  CHECK(set.rate == 0.25);
  CHECK_FALSE(set.flag);
  CHECK(set.label == "y");
  CHECK(set.activation == Activation::Relu);
  CHECK(set.maybe == std::optional<bool>(true));
  CHECK(set.inner.eps == 0.5f);
  CHECK(set.nested.weight == 3.f);
}

TEST_CASE("bound options: values outside a range or the choices are refused at the value") {
  const BoundOptions<Outer> fields = outer_fields();
  CHECK_THROWS_WITH_AS(read(fields, "width: 0\n"), doctest::Contains("t.yaml:2:8: key `width`: must be >= 1"),
                       ConfigError);
  CHECK_THROWS_WITH_AS(read(fields, "activation: rel\n"), doctest::Contains("relu"), ConfigError);
}

TEST_SUITE_END();
