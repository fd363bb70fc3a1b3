#include "datasets/reading/cloze_example.h"

#include <cctype>
#include <cstring>

namespace mann {

int entity_number(const std::string& token) {
  const size_t prefix = std::strlen(kEntityPrefix);
  if (token.size() <= prefix || token.compare(0, prefix, kEntityPrefix) != 0) return -1;
  if (token.size() - prefix > 6) return -1;  // no dataset has a million entities in one example
  int n = 0;
  for (size_t i = prefix; i < token.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(token[i]))) return -1;
    n = n * 10 + (token[i] - '0');
  }
  return n;
}

std::string entity_token(int number) {
  return kEntityPrefix + std::to_string(number);
}

}  // namespace mann
