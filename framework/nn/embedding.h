#pragma once
// A lookup table of V rows of width d. Id -1 is the nil/padding symbol and maps to a zero row (with no
// gradient), so that padded batches need no special casing.
#include <string>
#include <vector>

#include "framework/autodiff/tape.h"
#include "framework/nn/module.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

class Embedding : public Module {
 public:
  // Creates "E" (vocab x dim) under scope.
  Embedding(const ParamScope& scope, Index vocab, Index dim, Rng& rng,
            const Init& init = Init::normal(0.f, 0.1f));
  // Reuses an existing table (weight tying between MemN2N hops, input/output embeddings).
  static Embedding tied(std::string name, Parameter& table);

  // (ids.size() x dim): row i is E[ids[i]], or zeros for -1. Throws ShapeError on ids out of range.
  Var lookup(Tape& tape, const std::vector<int>& ids) const;
  Var operator()(Tape& tape, const std::vector<int>& ids) const { return lookup(tape, ids); }
  // Sums of embeddings over bags of bag_size ids (-1 = padding): (ids.size() / bag_size x dim).
  Var bag(Tape& tape, const std::vector<int>& ids, int bag_size) const;

  Parameter& table() const { return *table_; }
  Index vocab() const { return table_->value.rows(); }
  Index dim() const { return table_->value.cols(); }

 private:
  Embedding(std::string name, Parameter* table) : Module(std::move(name)), table_(table) {}
  void check_ids(const std::vector<int>& ids) const;

  Parameter* table_;
};

}  // namespace mann
