//! Whole-scenario resolve tests: keys of several concepts checked together, as `ecs-sim
//! validate` and the editor see them.

mod traffic;
