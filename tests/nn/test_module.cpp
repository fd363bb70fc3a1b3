// Modules: parameters, buffers and children under hierarchical names, read from the collection that owns
// them, for layers, recurrent stacks, addressing modules and a whole model.
#include <doctest/doctest.h>

#include "framework/addressing/soft_content.h"
#include "framework/nn/linear.h"
#include "framework/nn/recurrent_stack.h"
#include "models/memn2n/memn2n_model.h"

using namespace mann;

TEST_SUITE_BEGIN("nn");

namespace {

std::vector<std::string> names_of(const std::vector<Parameter*>& params) {
  std::vector<std::string> names;
  for (const Parameter* p : params) names.push_back(p->name);
  return names;
}

}  // namespace

TEST_CASE("a layer is a module: its parameters under its path, in creation order") {
  ParameterCollection pc(1);
  Rng rng(2);
  const Linear layer(pc.scope("model/out"), 3, 4, rng);
  const Linear other(pc.scope("model/outer"), 4, 2, rng);  // a sibling whose name extends "out"
  CHECK(layer.name() == "model/out");
  CHECK(names_of(layer.parameters()) == std::vector<std::string>{"model/out/W", "model/out/b"});
  CHECK(layer.parameter_count() == 3 * 4 + 4);
  CHECK(layer.children().empty());
  CHECK(layer.buffers().empty());
  // A tied layer owns nothing: its weight belongs to the module that made it.
  const Linear tied = Linear::tied("model/tied", other.weight(), nullptr, /*transposed=*/true);
  CHECK(tied.name() == "model/tied");
  CHECK(tied.parameters().empty());
}

TEST_CASE("a recurrent stack's children are its layers; buffers are listed apart from parameters") {
  ParameterCollection pc(1);
  Rng rng(2);
  const RecurrentStack stack(RnnKind::Lstm, numbered_layers(pc.scope("controller"), "lstm"), 5, 4, 2, rng);
  pc.add_buffer("controller/state/steps", Matrix::Zero(1, 1));
  CHECK(stack.name() == "controller");
  CHECK(stack.children() == std::vector<std::string>{"lstm0", "lstm1", "state"});
  CHECK(stack.parameters().size() == 6);  // W, U, b per layer
  CHECK(stack.parameter_count() == (5 * 16 + 4 * 16 + 16) + (4 * 16 + 4 * 16 + 16));
  CHECK(names_of(stack.buffers()) == std::vector<std::string>{"controller/state/steps"});
}

TEST_CASE("an addressing module and a whole model are modules too") {
  ParameterCollection pc(1);
  Rng rng(2);
  SoftContentOptions cosine;
  cosine.score = ContentScore::Cosine;
  const SoftContentAddressing attention(pc.scope("head/address"), {3, 4, 0}, rng, cosine);
  CHECK(attention.name() == "head/address");
  CHECK(attention.children() == std::vector<std::string>{"key", "beta"});

  MemN2NOptions o;
  o.vocab = 7;
  o.dim = 4;
  o.memory_size = 6;
  o.hops = 2;
  const MemN2N model(pc.scope("model"), o, rng);
  CHECK(model.name() == "model");
  // Adjacent tying: E0..E2 and T0..T2 are the model's own. The paper's dot-product attention has no
  // parameters, so the hops hold none and list no children; a projected key would be one.
  CHECK(model.children().empty());
  CHECK(model.parameter_count() == 3 * (7 * 4) + 3 * (6 * 4));
  CHECK(model.addressing(0).name() == "model/hop1/addressing");
  // The whole collection is the module at the empty path.
  CHECK(pc.count() == attention.parameter_count() + model.parameter_count());
}

TEST_SUITE_END();
