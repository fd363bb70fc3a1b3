// An NTM whose read head uses hard attention: its one-hot weighting passes no gradient to the scorer, so
// the scorer learns only through the REINFORCE term the SequenceLearner adds for the policy log.
#include <doctest/doctest.h>

#include <string>

#include "tools/experiment.h"

using namespace mann;

TEST_SUITE_BEGIN("ntm");

TEST_CASE("hard read attention in an NTM gets a REINFORCE gradient from the sequence learner") {
  Experiment e =
      build_experiment(load_and_validate(std::string(MANN_SOURCE_DIR) + "/experiments/ntm/copy_short.yaml",
                                         {"model.read_addressing={type: hard, baseline: none}"}));
  Parameter& scorer = e.learner->parameters().at("model/read0/addressing/key/W");
  Tape tape;
  Rng rng(4);
  Metrics metrics;
  e.learner->parameters().zero_grad();
  tape.backward(e.learner->training_step(tape, 0, rng, metrics));
  CHECK(scorer.grad.allFinite());
  CHECK(scorer.grad.cwiseAbs().maxCoeff() > 0.f);
  CHECK(metrics.front().first == "loss");
}

TEST_SUITE_END();
