#pragma once
// The names of an enum's values, written once beside the enum, so that configs, messages and `mann list`
// spell a value the same way and nobody writes a parse function by hand. An enum takes part by
// specialising EnumNames in namespace mann:
//
//   enum class RnnKind { Lstm, Gru };
//   template <>
//   struct EnumNames<RnnKind> {
//     static constexpr std::string_view noun = "recurrent cell";
//     static constexpr auto entries = std::to_array<EnumEntry<RnnKind>>({{RnnKind::Lstm, "lstm"}, ...});
//   };
//
// The first entry of a value gives its name. A later entry of the same value is another accepted spelling
// (one that configs used before a rename); put those last so that listings start with the names.
// Parsing with "did you mean" lives one floor up, in framework/config/enum_parse.h.
#include <array>
#include <concepts>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace mann {

// One spelling of an enum value.
template <class E>
struct EnumEntry {
  E value;                // the value this name stands for
  std::string_view name;  // its spelling in configs and messages
};

// Specialised beside each named enum: `noun` (what a value is, for messages: "recurrent cell") and
// `entries` (a std::array of EnumEntry<E>, every value at least once).
template <class E>
struct EnumNames;

// An enum whose values have names (an EnumNames specialisation is visible).
template <class E>
concept NamedEnum = std::is_enum_v<E> && requires {
  { EnumNames<E>::noun } -> std::convertible_to<std::string_view>;
  { EnumNames<E>::entries.size() } -> std::convertible_to<std::size_t>;
  { EnumNames<E>::entries[0].value } -> std::convertible_to<E>;
};

// The name of `value` (its first entry). A value missing from the table is a programming error.
template <NamedEnum E>
constexpr std::string_view enum_name(E value) {
  for (const EnumEntry<E>& entry : EnumNames<E>::entries)
    if (entry.value == value) return entry.name;
  throw std::logic_error("a value of enum `" + std::string(EnumNames<E>::noun) + "` has no name");
}

// The value spelled `name` (a name or another accepted spelling); nothing when no entry matches.
template <NamedEnum E>
constexpr std::optional<E> find_enum(std::string_view name) {
  for (const EnumEntry<E>& entry : EnumNames<E>::entries)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

// Every accepted spelling in table order: the choices of a config option of this enum.
template <NamedEnum E>
std::vector<std::string> enum_spellings() {
  std::vector<std::string> names;
  for (const EnumEntry<E>& entry : EnumNames<E>::entries) names.emplace_back(entry.name);
  return names;
}

}  // namespace mann
