#pragma once
// ConfigView: what a component factory reads its options through. It pairs a component's config map with
// its spec, so every read falls back to the spec's default and reading an undeclared option is caught as
// a programming error instead of silently returning nothing.
#include <memory>
#include <string>
#include <string_view>

#include "framework/config/config_node.h"
#include "framework/config/enum_parse.h"
#include "framework/config/schema.h"

namespace mann {

class Registry;

class ConfigView {
 public:
  // `node` and `spec` (and `registry`, needed only by child()) must outlive the view. The node is normally
  // already validated against the spec (Registry::create does that).
  ConfigView(const ConfigNode& node, const ComponentSpec& spec, const Registry* registry = nullptr);

  // The option's value from the file, else its parsed default, converted with ConfigNode::as<T> (so a
  // type mismatch is a ConfigError at the value), or for a named enum (an enum_option) read by its name.
  // std::logic_error if `key` is not in the spec, or if it is neither set nor defaulted (an optional
  // option without default: test has() first).
  template <class T>
  T get(std::string_view key) const {
    if constexpr (NamedEnum<T>)
      return parse_enum<T>(value(key));
    else
      return value(key).as<T>();
  }
  // Whether the option has a value (set in the file to something other than null, or defaulted).
  bool has(std::string_view key) const;
  // The option's node (file value or default), for "map"/"any" options or for positions in messages.
  const ConfigNode& value(std::string_view key) const;
  // The view of a nested component option (`component:<kind>`), with the spec chosen by its `type:`.
  ConfigView child(std::string_view key) const;

  const ConfigNode& node() const { return *node_; }
  const ComponentSpec& spec() const { return *spec_; }
  const std::string& kind() const { return spec_->kind; }
  const std::string& type() const { return spec_->type; }
  const std::string& path() const { return node_->path(); }
  const Registry& registry() const;

  // Reports a semantic problem with an option's value at its position, e.g. fail("hops", "must be > 0").
  [[noreturn]] void fail(std::string_view key, std::string what) const;

 private:
  // Parsed defaults live here; a child view may point into its parent's defaults, hence the chain.
  struct Owner {
    std::shared_ptr<const Owner> parent;
    ConfigNode defaults;
  };

  ConfigView(const ConfigNode& node, const ComponentSpec& spec, const Registry* registry,
             std::shared_ptr<const Owner> parent);
  const OptionSpec& option(std::string_view key) const;
  const ConfigNode* lookup(std::string_view key) const;  // file value if set, else default, else nullptr

  const ConfigNode* node_;
  const ComponentSpec* spec_;
  const Registry* registry_;
  std::shared_ptr<const Owner> owner_;
};

}  // namespace mann
