#include "framework/config/choices.h"

#include <algorithm>

#include "framework/config/suggest.h"
#include "framework/util/strings.h"

namespace mann {
namespace {

std::string must_be_one_of(const std::vector<std::string>& choices, const std::string& got) {
  return "must be one of " + join(choices, ", ") + ", got " + got;
}

}  // namespace

void check_one_of(const ConfigNode& value, const std::vector<std::string>& choices) {
  if (!value.is_scalar()) value.fail(must_be_one_of(choices, value.describe()));
  const std::string& text = value.text();
  if (std::find(choices.begin(), choices.end(), text) != choices.end()) return;
  value.fail(must_be_one_of(choices, value.describe()), nearest_match(text, choices));
}

std::string unknown_choice_message(std::string_view noun, std::string_view text,
                                   const std::vector<std::string>& choices) {
  std::string message =
      "unknown " + std::string(noun) + " `" + std::string(text) + "`: must be one of " + join(choices, ", ");
  const std::string nearest = nearest_match(text, choices);
  if (!nearest.empty()) message += "; did you mean `" + nearest + "`?";
  return message;
}

}  // namespace mann
