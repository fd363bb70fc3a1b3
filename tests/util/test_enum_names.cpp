// Every named enum's table (framework/util/enum_names.h): each value has a name, a name finds its value and
// a value its name, no spelling is used twice, and every spelling is a plain lower-case config word.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "framework/addressing/hard_attention.h"
#include "framework/addressing/soft_content.h"
#include "framework/memory/ntm_write_head.h"
#include "framework/nn/activation.h"
#include "framework/nn/recurrent_cell.h"
#include "framework/train/reward.h"
#include "models/memn2n/memn2n_options.h"
#include "models/ntm/ntm_options.h"

using namespace mann;

TEST_SUITE_BEGIN("util");

namespace {

bool is_config_word(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Checks E's table; `last` is E's last enumerator, so that every value up to it must have a name.
template <NamedEnum E>
void check_table(E last) {
  CAPTURE(std::string(EnumNames<E>::noun));
  std::set<std::string_view> spellings;
  for (const EnumEntry<E>& entry : EnumNames<E>::entries) {
    CAPTURE(std::string(entry.name));
    CHECK(is_config_word(entry.name));
    CHECK_MESSAGE(spellings.insert(entry.name).second, "spelled twice");
    CHECK(find_enum<E>(entry.name) == entry.value);
  }
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    const E value = static_cast<E>(i);
    REQUIRE_NOTHROW(enum_name(value));
    CHECK(find_enum<E>(enum_name(value)) == value);
  }
  CHECK(enum_spellings<E>().size() == EnumNames<E>::entries.size());
}

}  // namespace

TEST_CASE("every named enum: each value has one name, each name one value") {
  check_table(Activation::Sigmoid);
  check_table(RnnKind::Gru);
  check_table(ContentScore::Additive);
  check_table(BaselineKind::Learned);
  check_table(RewardKind::kLikelihood);
  check_table(AddActivation::Linear);
  check_table(WeightTying::LayerWise);
  check_table(SentenceEncoding::PositionCentered);
  check_table(ControllerKind::FeedForward);
  check_table(MemoryInit::Random);
  check_table(ReadInit::Zero);
  check_table(WeightingInit::Uniform);
}

TEST_CASE("named enums: a value's name is its first entry; later entries are older spellings") {
  CHECK(enum_name(SentenceEncoding::Position) == "pe");
  CHECK(find_enum<SentenceEncoding>("position") == SentenceEncoding::Position);
  CHECK(enum_name(WeightTying::LayerWise) == "layerwise");
  CHECK(find_enum<WeightTying>("layer_wise") == WeightTying::LayerWise);
  CHECK(enum_name(Activation::None) == "none");
  CHECK(find_enum<Activation>("identity") == Activation::None);
  CHECK_FALSE(find_enum<Activation>("gelu").has_value());
  CHECK_FALSE(find_enum<RnnKind>("LSTM").has_value());  // spellings are exact
}

TEST_SUITE_END();
