#pragma once
// Registry of configurable components. Components are registered by explicit calls (static
// self-registration objects get dropped when linking from a static library). Factories are type-erased
// per (Base, Ctx) pair and checked on lookup, so create<Base>() can never call a factory of another type.
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>
#include <vector>

#include "framework/config/config_view.h"
#include "framework/config/schema.h"

namespace mann {

class Registry {
 public:
  // Builds a component from its validated options; Ctx is whatever build state the caller threads through
  // (e.g. a BuildContext with sizes and the RNG), so this header needs to know nothing about it.
  template <class Base, class Ctx>
  using Factory = std::function<std::unique_ptr<Base>(const ConfigView&, Ctx&)>;

  // Registers a component. std::logic_error on a bad spec (see check_spec), a duplicate kind/type, or a
  // kind already registered with a different Base/Ctx.
  template <class Base, class Ctx>
  void add(ComponentSpec spec, Factory<Base, Ctx> factory) {
    auto holder = std::make_unique<Holder<Base, Ctx>>();
    holder->fn = std::move(factory);
    add_entry(std::move(spec), std::move(holder), typeid(Holder<Base, Ctx>));
  }
  // Registers a spec without a factory (for validation and listing only).
  void add_spec(ComponentSpec spec);

  // Validates `node` (a map whose `type:` selects the component) against the spec and calls the factory.
  // ConfigError for config mistakes; std::logic_error when Base/Ctx do not match the registration.
  template <class Base, class Ctx>
  std::unique_ptr<Base> create(std::string_view kind, const ConfigNode& node, Ctx& ctx) const {
    const ComponentSpec& spec = resolve_component(node, kind, *this);
    validate(node, spec, *this);
    return call<Base, Ctx>(ConfigView(node, spec, this), ctx);
  }
  // Same from a view, typically `view.child("addressing")` inside a parent's factory.
  template <class Base, class Ctx>
  std::unique_ptr<Base> create(const ConfigView& view, Ctx& ctx) const {
    validate(view.node(), view.spec(), *this);
    return call<Base, Ctx>(view, ctx);
  }

  const ComponentSpec* find(std::string_view kind, std::string_view type) const;
  std::vector<std::string> types_of(std::string_view kind) const;  // sorted
  std::vector<ComponentSpec> list() const;                         // sorted by kind, then type
  // Human-readable listing for `mann list`: every component with its doc and options (type, default or
  // "required", doc, the values a string option takes). Non-empty `kind` (and `type`) keep only the
  // components of that kind (and type).
  std::string format_listing(std::string_view kind = {}, std::string_view type = {}) const;

 private:
  struct HolderBase {
    virtual ~HolderBase() = default;
  };
  template <class Base, class Ctx>
  struct Holder : HolderBase {
    Factory<Base, Ctx> fn;
  };
  struct Entry {
    ComponentSpec spec;
    std::unique_ptr<HolderBase> factory;  // null for add_spec()
  };

  void add_entry(ComponentSpec spec, std::unique_ptr<HolderBase> factory, std::type_index holder_type);
  const Entry& entry(const ComponentSpec& spec) const;

  template <class Base, class Ctx>
  std::unique_ptr<Base> call(const ConfigView& view, Ctx& ctx) const {
    const Entry& e = entry(view.spec());
    if (!e.factory) throw std::logic_error(view.spec().label() + " has no factory registered");
    auto* holder = dynamic_cast<const Holder<Base, Ctx>*>(e.factory.get());
    if (!holder)
      throw std::logic_error(view.spec().label() + " was registered with a different base or context type");
    // A factory's own checks throw plain UserErrors ("hops must be positive"); they are config mistakes
    // too, so they get the component's file:line and key path.
    try {
      return holder->fn(view, ctx);
    } catch (const ConfigError&) {
      throw;
    } catch (const UserError& factory_error) {
      view.node().fail(factory_error.what());
    }
  }

  // std::map: ordered (sorted listings for free) and node-stable (ConfigViews hold spec pointers).
  std::map<std::pair<std::string, std::string>, Entry> entries_;
  std::map<std::string, std::type_index> kind_types_;
};

}  // namespace mann
