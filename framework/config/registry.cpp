#include "framework/config/registry.h"

#include <algorithm>

#include "framework/util/strings.h"

namespace mann {

void Registry::add_spec(ComponentSpec spec) {
  add_entry(std::move(spec), nullptr, typeid(void));
}

void Registry::add_entry(ComponentSpec spec, std::unique_ptr<HolderBase> factory,
                         std::type_index holder_type) {
  check_spec(spec);
  auto key = std::make_pair(spec.kind, spec.type);
  if (entries_.count(key))
    throw std::logic_error("component " + spec.kind + "/" + spec.type + " is registered twice");
  // One kind, one factory signature: otherwise create<Base>(kind, ...) would work only for some types.
  if (holder_type != typeid(void)) {
    auto [it, inserted] = kind_types_.emplace(spec.kind, holder_type);
    if (!inserted && it->second != holder_type)
      throw std::logic_error("component " + spec.kind + "/" + spec.type +
                             ": kind already registered with a different base or context type");
  }
  entries_.emplace(std::move(key), Entry{std::move(spec), std::move(factory)});
}

const Registry::Entry& Registry::entry(const ComponentSpec& spec) const {
  auto it = entries_.find(std::make_pair(spec.kind, spec.type));
  if (it == entries_.end()) throw std::logic_error(spec.label() + " is not registered");
  return it->second;
}

const ComponentSpec* Registry::find(std::string_view kind, std::string_view type) const {
  auto it = entries_.find(std::make_pair(std::string(kind), std::string(type)));
  return it == entries_.end() ? nullptr : &it->second.spec;
}

std::vector<std::string> Registry::types_of(std::string_view kind) const {
  std::vector<std::string> types;
  for (const auto& [key, e] : entries_)
    if (key.first == kind) types.push_back(key.second);
  return types;
}

std::vector<ComponentSpec> Registry::list() const {
  std::vector<ComponentSpec> specs;
  for (const auto& [key, e] : entries_) specs.push_back(e.spec);
  return specs;
}

namespace {

std::string pad(const std::string& s, size_t width) {
  return s.size() >= width ? s + "  " : s + std::string(width - s.size() + 2, ' ');
}

}  // namespace

std::string Registry::format_listing(std::string_view kind, std::string_view type) const {
  std::string out;
  std::string current_kind;
  for (const auto& [key, e] : entries_) {
    const ComponentSpec& spec = e.spec;
    if ((!kind.empty() && spec.kind != kind) || (!type.empty() && spec.type != type)) continue;
    if (spec.kind != current_kind) {
      if (!out.empty()) out += "\n";
      out += spec.kind + ":\n";
      current_kind = spec.kind;
    }
    out += "  " + spec.type;
    if (!spec.doc.empty()) out += " - " + spec.doc;
    out += "\n";
    // Align the option table of each component on its own widest entries.
    size_t name_w = 0, type_w = 0, default_w = 0;
    std::vector<std::string> defaults;
    for (const OptionSpec& o : spec.options) {
      defaults.push_back(o.required               ? "(required)"
                         : o.default_text.empty() ? "(optional)"
                                                  : "default: " + o.default_text);
      name_w = std::max(name_w, o.name.size());
      type_w = std::max(type_w, o.type.size());
      default_w = std::max(default_w, defaults.back().size());
    }
    for (size_t i = 0; i < spec.options.size(); ++i) {
      const OptionSpec& o = spec.options[i];
      std::string line = "      " + pad(o.name, name_w) + pad(o.type, type_w) +
                         (o.doc.empty() ? defaults[i] : pad(defaults[i], default_w) + o.doc);
      out += line + "\n";
      if (!o.choices.empty())
        out += std::string(6 + name_w + 2 + type_w + 2, ' ') + "one of: " + join(o.choices, ", ") + "\n";
    }
  }
  return out;
}

}  // namespace mann
