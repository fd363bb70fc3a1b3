#pragma once
// Component schemas: what options a component (a model, an addressing scheme, a dataset, ...) accepts,
// their types and defaults, and the validator that checks a config map against them.
#include <string>
#include <string_view>
#include <vector>

#include "framework/config/config_node.h"

namespace mann {

class Registry;

struct OptionSpec {
  std::string name;
  // "int", "float", "bool", "string", "int_list", "float_list", "map", "any", or "component:<kind>" for a
  // nested component map selected by its own `type:` key.
  std::string type;
  // YAML text of the default (e.g. "3", "[64, 64]", "{type: content}"). Empty = no default: the option is
  // required if `required`, else simply optional (ConfigView::has() tells). For an empty string write "''".
  std::string default_text;
  bool required = false;
  std::string doc;
  // For a string option with a fixed set of values: the values (shown by `mann list`; the component's own
  // parser still decides, so aliases it accepts keep working).
  std::vector<std::string> choices = {};
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

// Checks a spec for programming errors (unknown option type, duplicate names, an option called `type`,
// both required and defaulted, a default that does not parse as its type); throws std::logic_error.
void check_spec(const ComponentSpec& spec);

// Parses an option's default_text into a node positioned at "<default of model `ntm`>"; null if empty.
ConfigNode parse_default(const ComponentSpec& spec, const OptionSpec& option);

// Validates a component's map against its spec; throws the first ConfigError found, in file order:
//  * an unknown key (at the key; suggests the nearest option name),
//  * a value of the wrong type (at the value),
//  * a missing required option (at the component's map, with the option's full key path),
//  * for `component:<kind>` options, the nested map recursively (its `type:` must be registered).
// `type` is always allowed. A null value counts as "not set" (so defaults apply).
void validate(const ConfigNode& component_node, const ComponentSpec& spec, const Registry& registry);

// Finds the spec selected by `node`'s `type:` among the registered components of `kind`. Errors: the node
// is not a map, `type:` is missing, or the type is unknown (lists the registered types, suggests nearest).
const ComponentSpec& resolve_component(const ConfigNode& node, std::string_view kind,
                                       const Registry& registry);

}  // namespace mann
