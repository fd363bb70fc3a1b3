#include "framework/config/defaults.h"

#include "framework/config/registry.h"

namespace mann {

void fill_defaults(ConfigNode& component, const ComponentSpec& spec, const Registry& registry) {
  for (const OptionSpec& option : spec.options) {
    ConfigNode* value = component.find(option.name);
    if (!value || value->is_null()) {
      if (option.default_text.empty()) continue;
      value = &component.set(option.name, parse_default(spec, option));
    }
    if (!option.type.starts_with(kComponentTypePrefix) || is_none_component(option, *value)) continue;
    const std::string_view kind = std::string_view(option.type).substr(kComponentTypePrefix.size());
    fill_defaults(*value, resolve_component(*value, kind, registry), registry);
  }
}

}  // namespace mann
