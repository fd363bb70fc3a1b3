#include "framework/nn/embedding.h"

#include "framework/autodiff/ops.h"

namespace mann {

Embedding::Embedding(const ParamScope& scope, Index vocab, Index dim, Rng& rng, const Init& init)
    : Module(scope), table_(&scope.add("E", vocab, dim, init, rng)) {}

Embedding Embedding::tied(std::string name, Parameter& table) {
  return Embedding(std::move(name), &table);
}

void Embedding::check_ids(const std::vector<int>& ids) const {
  const Index v = vocab();
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] < -1 || ids[i] >= v) {
      throw ShapeError("Embedding '" + name() + "': id " + std::to_string(ids[i]) + " at position " +
                       std::to_string(i) + " is outside [-1, " + std::to_string(v) + ") for table " +
                       shape_string(table_->value));
    }
  }
}

Var Embedding::lookup(Tape& tape, const std::vector<int>& ids) const {
  check_ids(ids);
  return gather_rows(tape.param(*table_), ids);
}

Var Embedding::bag(Tape& tape, const std::vector<int>& ids, int bag_size) const {
  if (bag_size <= 0 || ids.size() % static_cast<size_t>(bag_size) != 0) {
    throw ShapeError("Embedding '" + name() + "': " + std::to_string(ids.size()) +
                     " ids do not split into bags of " + std::to_string(bag_size));
  }
  check_ids(ids);
  return bag_of_words(tape.param(*table_), ids, bag_size);
}

}  // namespace mann
