#pragma once
// Component schemas: what options a component (a model, an addressing scheme, a dataset, ...) accepts,
// their types and defaults, and the validator that checks a config map against them.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "framework/config/config_node.h"
#include "framework/config/number_range.h"

namespace mann {

class Registry;

struct OptionSpec {
  OptionSpec() = default;
  OptionSpec(std::string name_, std::string type_, std::string default_text_ = "", bool required_ = false,
             std::string doc_ = "")
      : name(std::move(name_)),
        type(std::move(type_)),
        default_text(std::move(default_text_)),
        required(required_),
        doc(std::move(doc_)) {}

  // Constraints, chained onto a spec: option("lr", "float", 0.01, "...").in(above(0)).
  OptionSpec& in(NumberRange r) {
    range = r;
    return *this;
  }
  OptionSpec& one_of(std::vector<std::string> values) {
    choices = std::move(values);
    return *this;
  }
  // For a component option: the plain word `none` is also valid and stands for no component (seq2seq
  // without attention).
  OptionSpec& or_none() {
    none_allowed = true;
    return *this;
  }

  std::string name;
  // "int", "float", "bool", "string", "int_list", "float_list", "map", "any", or "component:<kind>" for a
  // nested component map selected by its own `type:` key.
  std::string type;
  // YAML text of the default (e.g. "3", "[64, 64]", "{type: content}"). Empty = no default: the option is
  // required if `required`, else simply optional (ConfigView::has() tells). For an empty string write "''".
  std::string default_text;
  bool required = false;
  std::string doc;
  // Numbers (and each number of a list) outside the range are refused; so are NaN and infinities.
  std::optional<NumberRange> range;
  bool none_allowed = false;  // see or_none()
  // For "string" options: the only values accepted (a near miss gets a suggestion).
  std::vector<std::string> choices;
};

struct ComponentSpec {
  std::string kind;  // "model", "addressing", "dataset", "optimizer", "schedule", "controller", ...
  std::string type;  // the value of `type:` that selects this component, e.g. "ntm"
  std::string doc;
  std::vector<OptionSpec> options;

  const OptionSpec* find_option(std::string_view name) const;
  std::vector<std::string> option_names() const;
  std::string label() const;  // "model `ntm`", or just the kind when kind == type (e.g. "experiment")
};

// Prefix of option types that name a nested component.
inline constexpr std::string_view kComponentTypePrefix = "component:";

// Whether `value` is the `none` that a component option declared or_none() takes for "no component".
inline bool is_none_component(const OptionSpec& option, const ConfigNode& value) {
  return option.none_allowed && value.is_scalar() && value.text() == "none";
}

// Checks a spec for programming errors (unknown option type, duplicate names, an option called `type`,
// both required and defaulted, a default that does not parse as its type); throws std::logic_error.
void check_spec(const ComponentSpec& spec);

// Parses an option's default_text into a node positioned at "<default of model `ntm`>"; null if empty.
ConfigNode parse_default(const ComponentSpec& spec, const OptionSpec& option);

// Validates a component's map against its spec; throws the first ConfigError found, in file order:
//  * an unknown key (at the key; suggests the nearest option name),
//  * a value of the wrong type, outside the option's range or not one of its choices (at the value),
//  * an empty value (`~`, `null`, `key:` with nothing) for an option that is not a map: it would silently
//    mean the default, which is rarely what the writer meant,
//  * a missing required option (at the component's map, with the option's full key path),
//  * for `component:<kind>` options, the nested map recursively (its `type:` must be registered).
// `type` is always allowed. A null map or component counts as "not set" (so defaults apply).
void validate(const ConfigNode& component_node, const ComponentSpec& spec, const Registry& registry);

// Finds the spec selected by `node`'s `type:` among the registered components of `kind`. Errors: the node
// is not a map, `type:` is missing, or the type is unknown (lists the registered types, suggests nearest).
const ComponentSpec& resolve_component(const ConfigNode& node, std::string_view kind,
                                       const Registry& registry);

}  // namespace mann
