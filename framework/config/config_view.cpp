#include "framework/config/config_view.h"

#include <stdexcept>

#include "framework/config/registry.h"

namespace mann {

ConfigView::ConfigView(const ConfigNode& node, const ComponentSpec& spec, const Registry* registry)
    : ConfigView(node, spec, registry, nullptr) {}

ConfigView::ConfigView(const ConfigNode& node, const ComponentSpec& spec, const Registry* registry,
                       std::shared_ptr<const Owner> parent)
    : node_(&node), spec_(&spec), registry_(registry) {
  auto owner = std::make_shared<Owner>();
  owner->parent = std::move(parent);
  owner->defaults = ConfigNode::map();
  owner->defaults.set_path(node.path());
  for (const OptionSpec& o : spec.options) {
    if (o.default_text.empty()) continue;
    const ConfigNode* set = node.find(o.name);
    if (set && !set->is_null()) continue;  // only parse what is actually needed
    owner->defaults.set(o.name, parse_default(spec, o));
  }
  owner_ = std::move(owner);
}

const OptionSpec& ConfigView::option(std::string_view key) const {
  if (const OptionSpec* o = spec_->find_option(key)) return *o;
  throw std::logic_error("option `" + std::string(key) + "` is not declared in the spec of " +
                         spec_->label());
}

const ConfigNode* ConfigView::lookup(std::string_view key) const {
  option(key);
  const ConfigNode* set = node_->find(key);
  if (set && !set->is_null()) return set;
  return owner_->defaults.find(key);
}

bool ConfigView::has(std::string_view key) const {
  const ConfigNode* v = lookup(key);
  return v && !v->is_null();
}

const ConfigNode& ConfigView::value(std::string_view key) const {
  const ConfigNode* v = lookup(key);
  if (v) return *v;
  if (option(key).required)
    throw ConfigError(node_->pos(), child_path(node_->path(), key),
                      "missing required option of " + spec_->label());
  throw std::logic_error("option `" + std::string(key) + "` of " + spec_->label() +
                         " is not set and has no default; check has() first");
}

ConfigView ConfigView::child(std::string_view key) const {
  const OptionSpec& o = option(key);
  if (!o.type.starts_with(kComponentTypePrefix))
    throw std::logic_error("option `" + o.name + "` of " + spec_->label() + " is not a component");
  const ConfigNode& sub = value(key);
  const std::string_view kind = std::string_view(o.type).substr(kComponentTypePrefix.size());
  // The child keeps our defaults alive: `sub` may be one of them.
  return ConfigView(sub, resolve_component(sub, kind, registry()), registry_, owner_);
}

const Registry& ConfigView::registry() const {
  if (!registry_) throw std::logic_error("ConfigView of " + spec_->label() + " has no registry");
  return *registry_;
}

void ConfigView::fail(std::string_view key, std::string what) const {
  const ConfigNode* v = lookup(key);
  if (v) v->fail(std::move(what));
  throw ConfigError(node_->pos(), child_path(node_->path(), key), std::move(what));
}

}  // namespace mann
