#pragma once
// A component's options as the members of its options struct. Each option is declared once, as a field:
// its name, the member it fills, its help and constraints; the member's type gives the option's type and
// the struct's default member value its default. The same declaration gives the spec `mann list` shows and
// validates against, and reads a config into the struct, so no option name, type or default is written
// twice (in the spec and again where the config is read).
//
//   const auto fields = BoundOptions<NTMLocationOptions>()
//       .field("shift_range", &NTMLocationOptions::shift_range, "shifts by -r..r slots", at_least(0))
//       .field("gate_bias", &NTMLocationOptions::gate_bias, "initial bias of the interpolation gate");
//   spec options: fields.specs();  building: NTMLocationOptions o = fields.read(view);
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "framework/components/spec_helpers.h"

namespace mann {

namespace bound_options_detail {
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
}  // namespace bound_options_detail

template <class Options>
class BoundOptions {
 public:
  // Defaults come from `defaults` (normally the struct's own member initialisers).
  explicit BoundOptions(Options defaults = {}) : defaults_(std::move(defaults)) {}

  // Binds option `name` to a member (a member pointer, or a function Options& -> T& for a member of a
  // member). T is int, int64_t, Index, float, double, bool, std::string, a named enum (an enum_option), or
  // std::optional of one of those (an option without default: the member stays unset unless the config
  // sets it). `range` constrains a number (`mann list` shows it; validation refuses a value outside it).
  template <class Access>
  BoundOptions&& field(std::string name, Access access, std::string help,
                       std::optional<NumberRange> range = std::nullopt) && {
    add(std::move(name), std::move(access), std::move(help), range);
    return std::move(*this);
  }
  template <class Access>
  BoundOptions& field(std::string name, Access access, std::string help,
                      std::optional<NumberRange> range = std::nullopt) & {
    add(std::move(name), std::move(access), std::move(help), range);
    return *this;
  }
  // Binds every field of `inner` to the member `member` (options shared by several components, such as the
  // scorer of hard and gumbel attention).
  template <class Inner>
  BoundOptions&& include(Inner Options::*member, const BoundOptions<Inner>& inner) && {
    for (const OptionSpec& spec : inner.specs()) specs_.push_back(spec);
    readers_.push_back([member, inner](const ConfigView& v, Options& o) { inner.read_into(v, o.*member); });
    return std::move(*this);
  }

  // The options' specs, in declaration order.
  const std::vector<OptionSpec>& specs() const { return specs_; }
  // The struct filled from a validated config view: every bound member from its option (set or default).
  Options read(const ConfigView& v) const {
    Options o = defaults_;
    read_into(v, o);
    return o;
  }
  // Fills the bound members of an existing struct.
  void read_into(const ConfigView& v, Options& o) const {
    for (const auto& reader : readers_) reader(v, o);
  }

 private:
  // The option's type in the schema, for a member of type T.
  template <class T>
  static std::string type_name() {
    if constexpr (std::is_same_v<T, bool>)
      return "bool";
    else if constexpr (std::is_integral_v<T>)
      return "int";
    else if constexpr (std::is_floating_point_v<T>)
      return "float";
    else
      return "string";
  }

  template <class Access>
  void add(std::string name, Access access, std::string help, std::optional<NumberRange> range) {
    auto member = [access](Options& o) -> auto& {
      if constexpr (std::is_member_object_pointer_v<Access>)
        return o.*access;
      else
        return access(o);
    };
    using T = std::remove_reference_t<decltype(member(defaults_))>;
    OptionSpec spec;
    if constexpr (bound_options_detail::IsOptional<T>::value) {
      using Value = typename T::value_type;
      spec = OptionSpec{name, type_name<Value>(), "", false, help};
      readers_.push_back([member, name](const ConfigView& v, Options& o) {
        if (v.has(name)) member(o) = v.get<Value>(name);
      });
    } else {
      const T& value = member(defaults_);
      if constexpr (NamedEnum<T>)
        spec = enum_option(name, value, help);
      else
        spec = option(name, type_name<T>(), value, help);
      readers_.push_back([member, name](const ConfigView& v, Options& o) {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
          member(o) = static_cast<T>(v.get<int64_t>(name));
        else
          member(o) = v.get<T>(name);
      });
    }
    if (range) spec.in(*range);
    specs_.push_back(std::move(spec));
  }

  Options defaults_;
  std::vector<OptionSpec> specs_;
  std::vector<std::function<void(const ConfigView&, Options&)>> readers_;
};

}  // namespace mann
