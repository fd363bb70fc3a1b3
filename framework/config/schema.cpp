#include "framework/config/schema.h"

#include <cmath>
#include <stdexcept>

#include "framework/config/choices.h"
#include "framework/config/duration.h"
#include "framework/config/registry.h"
#include "framework/config/suggest.h"
#include "framework/util/strings.h"

namespace mann {

const OptionSpec* ComponentSpec::find_option(std::string_view name) const {
  for (const OptionSpec& o : options)
    if (o.name == name) return &o;
  return nullptr;
}

std::vector<std::string> ComponentSpec::option_names() const {
  std::vector<std::string> names;
  for (const OptionSpec& o : options) names.push_back(o.name);
  return names;
}

std::string ComponentSpec::label() const {
  if (kind == type) return kind;
  return kind + " `" + type + "`";
}

namespace {

bool is_component_type(std::string_view type) {
  return type.starts_with(kComponentTypePrefix);
}

// Type check of one non-null value against a non-component option type; the ConfigNode::as<> conversions
// supply the messages so that validation and later reads agree on what is valid.
void check_plain_type(const ConfigNode& value, const std::string& type) {
  if (type == "int") {
    value.as<int64_t>();
  } else if (type == "float") {
    value.as<double>();
  } else if (type == "bool") {
    value.as<bool>();
  } else if (type == "string") {
    value.as<std::string>();
  } else if (type == "int_list") {
    value.as<std::vector<int64_t>>();
  } else if (type == "float_list") {
    value.as<std::vector<double>>();
  } else if (type == "duration") {
    parse_duration(value);
  } else if (type == "map") {
    if (!value.is_map()) value.fail("expected a map, got " + value.describe());
  } else if (type != "any") {
    throw std::logic_error("unknown option type `" + type + "`");
  }
}

// Each number a value holds: the value itself for "int"/"float", its items for the list types.
std::vector<const ConfigNode*> numbers_of(const ConfigNode& value, const std::string& type) {
  if (type == "int" || type == "float") return {&value};
  std::vector<const ConfigNode*> items;
  if (type == "int_list" || type == "float_list")
    for (const ConfigNode& item : value.items()) items.push_back(&item);
  return items;
}

// The option's range and choices; NaN is refused for every float option, ranged or not: no setting means
// "not a number", and NaN slips through the comparisons of a factory's own checks.
void check_constraints(const ConfigNode& value, const OptionSpec& option) {
  for (const ConfigNode* number : numbers_of(value, option.type)) {
    const double v = number->as<double>();
    if (std::isnan(v)) number->fail("expected a number, got " + number->describe() + " (not a number)");
    if (option.range && !option.range->contains(v))
      number->fail("must be " + option.range->describe() + ", got " + number->describe());
  }
  if (!option.choices.empty()) check_one_of(value, option.choices);
}

// Types whose null would silently stand for the default; a null section or component ("train:" with its
// lines commented out) keeps meaning "all defaults".
bool is_leaf_type(const std::string& type) {
  return type != "map" && type != "any" && !is_component_type(type);
}

bool is_known_type(const std::string& type) {
  static const char* const kTypes[] = {"int",        "float", "bool", "string",  "int_list",
                                       "float_list", "map",   "any",  "duration"};
  for (const char* t : kTypes)
    if (type == t) return true;
  return is_component_type(type) && type.size() > kComponentTypePrefix.size();
}

}  // namespace

void check_spec(const ComponentSpec& spec) {
  const std::string where = "component spec " + spec.kind + "/" + spec.type;
  if (spec.kind.empty() || spec.type.empty()) throw std::logic_error(where + ": kind and type must be set");
  for (size_t i = 0; i < spec.options.size(); ++i) {
    const OptionSpec& o = spec.options[i];
    const std::string owhere = where + " option `" + o.name + "`";
    if (o.name.empty() || o.name == "type" || o.name.find('.') != std::string::npos)
      throw std::logic_error(owhere + ": invalid option name");
    for (size_t j = 0; j < i; ++j)
      if (spec.options[j].name == o.name) throw std::logic_error(owhere + ": duplicate option");
    if (!is_known_type(o.type)) throw std::logic_error(owhere + ": unknown option type `" + o.type + "`");
    if (o.required && !o.default_text.empty())
      throw std::logic_error(owhere + ": an option cannot be both required and defaulted");
    if (!o.choices.empty() && o.type != "string")
      throw std::logic_error(owhere + ": choices are for string options");
    if (o.range && o.type != "int" && o.type != "float" && o.type != "int_list" && o.type != "float_list")
      throw std::logic_error(owhere + ": a range is for numeric options");
    if (o.default_text.empty()) continue;
    try {
      const ConfigNode def = parse_default(spec, o);
      if (def.is_null()) continue;
      // Nested component defaults are checked when used: their types may be registered later.
      if (is_component_type(o.type)) {
        if (!def.is_map() || !def.contains("type")) throw std::logic_error("expected a map with `type:`");
      } else {
        check_plain_type(def, o.type);
        check_constraints(def, o);
      }
    } catch (const std::exception& e) {
      throw std::logic_error(owhere + ": bad default `" + o.default_text + "`: " + e.what());
    }
  }
}

ConfigNode parse_default(const ComponentSpec& spec, const OptionSpec& option) {
  if (option.default_text.empty()) return ConfigNode::null();
  const SourcePos pos{"<default of " + spec.label() + ">", 0, 0};
  ConfigNode node = load_config_string(option.default_text, pos.file);
  node.set_pos_recursive(pos);
  return node;
}

const ComponentSpec& resolve_component(const ConfigNode& node, std::string_view kind,
                                       const Registry& registry) {
  const std::string k(kind);
  const std::vector<std::string> types = registry.types_of(kind);
  const std::string known = types.empty() ? "no " + k + " types are registered"
                                          : "registered " + k + " types: " + join(types, ", ");
  if (!node.is_map())
    node.fail("expected a map with `type:` to select the " + k + ", got " + node.describe() + " (" + known +
              ")");
  const ConfigNode* type_node = node.find("type");
  if (!type_node) node.fail("missing `type:` to select the " + k + " (" + known + ")");
  if (!type_node->is_scalar())
    type_node->fail("expected a " + k + " type name, got " + type_node->describe());
  const ComponentSpec* spec = registry.find(kind, type_node->text());
  if (!spec)
    type_node->fail("unknown " + k + " type `" + type_node->text() + "` (" + known + ")",
                    nearest_match(type_node->text(), types));
  return *spec;
}

void validate(const ConfigNode& component_node, const ComponentSpec& spec, const Registry& registry) {
  if (!component_node.is_map() && !component_node.is_null())
    component_node.fail("expected a map of options for " + spec.label() + ", got " +
                        component_node.describe());

  for (const ConfigNode::Entry& e : component_node.entries()) {
    if (e.key == "type") continue;
    const OptionSpec* option = spec.find_option(e.key);
    if (!option)
      e.value.fail_at_key("unknown key for " + spec.label(), nearest_match(e.key, spec.option_names()));
    if (e.value.is_null()) {
      if (option->required || !is_leaf_type(option->type)) continue;  // reported below / all defaults
      e.value.fail(
          "empty value: give one, or leave the key out" +
          (option->default_text.empty() ? std::string() : " for the default " + option->default_text));
    }
    if (is_component_type(option->type)) {
      if (is_none_component(*option, e.value)) continue;
      const std::string_view kind = std::string_view(option->type).substr(kComponentTypePrefix.size());
      validate(e.value, resolve_component(e.value, kind, registry), registry);
    } else {
      check_plain_type(e.value, option->type);
      check_constraints(e.value, *option);
    }
  }

  for (const OptionSpec& o : spec.options) {
    if (!o.required) continue;
    const ConfigNode* value = component_node.find(o.name);
    if (value && !value->is_null()) continue;
    // Report at the map that lacks the key (or at the explicit null), naming the full key path.
    const ConfigNode& at = value ? *value : component_node;
    throw ConfigError(
        at.pos(), child_path(component_node.path(), o.name),
        "missing required option of " + spec.label() + (o.doc.empty() ? "" : " (" + o.doc + ")"));
  }
}

}  // namespace mann
