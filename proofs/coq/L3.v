(* salign: the PROVED propositions of L3, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* L3.P | two-level model | on the solvers' problem *)
Theorem L3_P :
  forall lambda_D lambda_B a b : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (a > 0) ->
  (b > 0) ->
  (lambda_D > lambda_B) ->
  (((((((- 2) * a) * b) * ((lambda_B * lambda_B) * lambda_B)) * (lambda_D * lambda_D)) + ((((2 * a) * b) * (lambda_B * lambda_B)) * ((lambda_D * lambda_D) * lambda_D))) = ((((((- 2) * a) * b) * (lambda_B * lambda_B)) * (lambda_D * lambda_D)) * (lambda_B + ((- 1) * lambda_D)))).
Proof.
  intros; lra.
Qed.

(* L3.Q | two-level model | on the solvers' problem *)
Theorem L3_Q :
  forall lambda_D lambda_B a n_B b n_D : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (a > 0) ->
  (n_B >= 0) ->
  (b > 0) ->
  (n_D >= 0) ->
  (lambda_D > lambda_B) ->
  ((((a * (lambda_D * lambda_D)) * ((((- 1) * n_B) * (lambda_B * lambda_B)) + (((- 1) * b) * (((lambda_B * lambda_B) * lambda_B) * lambda_B)))) + ((b * (lambda_B * lambda_B)) * ((n_D * (lambda_D * lambda_D)) + (a * (((lambda_D * lambda_D) * lambda_D) * lambda_D))))) = (((lambda_B * lambda_B) * (lambda_D * lambda_D)) * (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))))).
Proof.
  intros; lra.
Qed.

(* L3.eta_star | two-level model | on the solvers' problem *)
Theorem L3_eta_star :
  forall lambda_D lambda_B n_D b n_B a eta : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (n_D >= 0) ->
  (b > 0) ->
  (n_B >= 0) ->
  (a > 0) ->
  (eta > 0) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  ((((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) > 0) ->
  ((((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) <> 0) /\ ((((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) <> 0) /\ (eta < ((((2 * a) * b) * (lambda_B + ((- 1) * lambda_D))) / ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D))))))) ->
  (((((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))))) <> 0) /\ (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ (((((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))) / (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) < 0)).
Proof.
  intros;
  (try pose proof (two_level_sq_pos a b lambda_D lambda_B eta ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try (assert (Hs1 : 0 < ((((n_D * b) + (((- 1) * n_B) * a)) + ((a * b) * (lambda_D * lambda_D))) + ((((- 1) * a) * b) * (lambda_B * lambda_B)))) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < ((((n_D * b) + (((- 1) * n_B) * a)) + ((a * b) * (lambda_D * lambda_D))) + ((((- 1) * a) * b) * (lambda_B * lambda_B)))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((((n_D * b) + (((- 1) * n_B) * a)) + ((a * b) * (lambda_D * lambda_D))) + ((((- 1) * a) * b) * (lambda_B * lambda_B)))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos ((((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) * lambda_D) * lambda_D) lambda_D (Rmult_le_pos (((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) * lambda_D) lambda_D (Rmult_le_pos ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) lambda_D ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))))) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))))) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))))) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) * lambda_B) lambda_B (Rmult_lt_0_compat (((n_D * b) + (((- 1) * n_B) * a)) + (((((- 1) * a) * b) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta ((((2 * a) * b) * (lambda_B + ((- 1) * lambda_D))) / ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) ((((- 1) * eta) * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + (((2 * a) * b) * (lambda_B + ((- 1) * lambda_D)))) ((((n_D * b) + (((- 1) * n_B) * a)) + ((a * b) * (lambda_D * lambda_D))) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) by first [lra | nra | pos_products; nra | pos]));
  (try (assert (Hs3 : 0 < (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) by first [lra | (assert (0 <= (((n_B * (eta * eta)) * (lambda_B * lambda_B)) + ((n_D * (eta * eta)) * (lambda_D * lambda_D)))) by nneg; lra) | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) * (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))))))) by first [lra | nra | pos_products; nra | pos]);
  (try rewrite (bridge_lt ((((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))) / (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) 0 ((lambda_D * lambda_D) * ((((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * a) * (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))))) (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) * (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [(enough (0 < ((eta * (lambda_B * lambda_B)) * (lambda_D * lambda_D)) * ((((((((n_B * a) * eta) + ((((- 1) * n_D) * b) * eta)) + ((((- 2) * a) * b) * lambda_B)) + (((2 * a) * b) * lambda_D)) + (((a * b) * eta) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * eta) * (lambda_D * lambda_D))))) by lra; apply Rmult_lt_0_compat; [pos | (enough (0 < (((((((n_B * a) * eta) + ((((- 1) * n_D) * b) * eta)) + ((((- 2) * a) * b) * lambda_B)) + (((2 * a) * b) * lambda_D)) + (((a * b) * eta) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * eta) * (lambda_D * lambda_D)))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((((((n_D * b) * eta) + ((((- 1) * n_B) * a) * eta)) + ((((- 2) * a) * b) * lambda_D)) + (((2 * a) * b) * lambda_B)) + (((a * b) * eta) * (lambda_D * lambda_D))) + (((((- 1) * a) * b) * eta) * (lambda_B * lambda_B))) * lambda_D) * lambda_D) lambda_D (Rmult_le_pos ((((((((n_D * b) * eta) + ((((- 1) * n_B) * a) * eta)) + ((((- 2) * a) * b) * lambda_D)) + (((2 * a) * b) * lambda_B)) + (((a * b) * eta) * (lambda_D * lambda_D))) + (((((- 1) * a) * b) * eta) * (lambda_B * lambda_B))) * lambda_D) lambda_D (Rmult_le_pos (((((((n_D * b) * eta) + ((((- 1) * n_B) * a) * eta)) + ((((- 2) * a) * b) * lambda_D)) + (((2 * a) * b) * lambda_B)) + (((a * b) * eta) * (lambda_D * lambda_D))) + (((((- 1) * a) * b) * eta) * (lambda_B * lambda_B))) lambda_D ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) ((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D)))) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * ((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D))))) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) ((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D)))) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * ((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D))))) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * ((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D))))) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) ((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D)))) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D)))) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D)))) * lambda_B) lambda_B (Rmult_lt_0_compat ((eta * ((((n_B * a) + (((- 1) * n_D) * b)) + ((a * b) * (lambda_B * lambda_B))) + ((((- 1) * a) * b) * (lambda_D * lambda_D)))) + ((((- 2) * a) * b) * (lambda_B + ((- 1) * lambda_D)))) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]) | nra]).
Qed.

(* L3.noiseless | two-level model | on the solvers' problem *)
Theorem L3_noiseless :
  forall lambda_D lambda_B n_D n_B eta a b : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (eta > 0) ->
  (a > 0) ->
  (b > 0) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  (n_D = 0) ->
  (n_B = 0) ->
  (((lambda_B + lambda_D) <> 0) /\ (eta < (2 / (lambda_B + lambda_D)))) ->
  (((((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))))) <> 0) /\ (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ (((((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))) / (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) < 0)).
Proof.
  intros;
  (try pose proof (two_level_sq_pos a b lambda_D lambda_B eta ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try (assert (Hs1 : 0 < (lambda_B + lambda_D)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (lambda_B + lambda_D)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (lambda_B + lambda_D)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * lambda_B) + ((- 1) * lambda_D)) * (((- 1) * lambda_B) + ((- 1) * lambda_D))) * (((- 1) * lambda_B) + ((- 1) * lambda_D))) lambda_D (Rmult_le_pos ((((- 1) * lambda_B) + ((- 1) * lambda_D)) * (((- 1) * lambda_B) + ((- 1) * lambda_D))) (((- 1) * lambda_B) + ((- 1) * lambda_D)) (Rmult_le_pos (((- 1) * lambda_B) + ((- 1) * lambda_D)) (((- 1) * lambda_B) + ((- 1) * lambda_D)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((lambda_B * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta (2 / (lambda_B + lambda_D)) ((- 2) + (eta * (lambda_B + lambda_D))) (lambda_B + lambda_D) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) by first [lra | nra | pos_products; nra | pos]));
  (try (assert (Hs3 : 0 < (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) by first [lra | (assert (0 <= (((n_B * (eta * eta)) * (lambda_B * lambda_B)) + ((n_D * (eta * eta)) * (lambda_D * lambda_D)))) by nneg; lra) | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) * (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))))))) by first [lra | nra | pos_products; nra | pos]);
  (try rewrite (bridge_lt ((((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))) / (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) 0 ((lambda_D * lambda_D) * ((((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * a) * (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))))) (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) * (((lambda_B * lambda_B) * ((n_B * (eta * eta)) + (b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))))) + ((lambda_D * lambda_D) * ((n_D * (eta * eta)) + (a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))))))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [(enough (0 < ((eta * (lambda_B * lambda_B)) * (lambda_D * lambda_D)) * ((((((((n_B * a) * eta) + ((((- 1) * n_D) * b) * eta)) + ((((- 2) * a) * b) * lambda_B)) + (((2 * a) * b) * lambda_D)) + (((a * b) * eta) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * eta) * (lambda_D * lambda_D))))) by lra; apply Rmult_lt_0_compat; [pos | (enough (0 < (((((((n_B * a) * eta) + ((((- 1) * n_D) * b) * eta)) + ((((- 2) * a) * b) * lambda_B)) + (((2 * a) * b) * lambda_D)) + (((a * b) * eta) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * eta) * (lambda_D * lambda_D)))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((- 1) * n_D) * b) eta (Rmult_le_pos ((- 1) * n_D) b ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (n_B * a) eta (Rmult_le_pos n_B a ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (2 + (((- 1) * eta) * (lambda_B + lambda_D)))) * a) b (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (2 + (((- 1) * eta) * (lambda_B + lambda_D)))) a (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (2 + (((- 1) * eta) * (lambda_B + lambda_D))) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]) | nra]).
Qed.

(* L3.h | two-level model | on the solvers' problem *)
Theorem L3_h :
  forall lambda_D lambda_B a n_B b n_D : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (a > 0) ->
  (n_B >= 0) ->
  (b > 0) ->
  (n_D >= 0) ->
  (lambda_D > lambda_B) ->
  ((((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ ((((a * (lambda_D * lambda_D)) * ((((- 1) * n_B) * (lambda_B * lambda_B)) + (((- 1) * b) * (((lambda_B * lambda_B) * lambda_B) * lambda_B)))) + ((b * (lambda_B * lambda_B)) * ((n_D * (lambda_D * lambda_D)) + (a * (((lambda_D * lambda_D) * lambda_D) * lambda_D))))) = (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) * (((n_D * (lambda_D * lambda_D)) + (((a * (lambda_D * lambda_D)) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) + (((((a * a) * (((lambda_D * lambda_D) * lambda_D) * lambda_D)) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))))).
Proof.
  intros;
  (try (assert (Hs1 : 0 < ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hd1 : 1 <> 0) by nz));
  (try rewrite (bridge_eq_nz (((a * (lambda_D * lambda_D)) * ((((- 1) * n_B) * (lambda_B * lambda_B)) + (((- 1) * b) * (((lambda_B * lambda_B) * lambda_B) * lambda_B)))) + ((b * (lambda_B * lambda_B)) * ((n_D * (lambda_D * lambda_D)) + (a * (((lambda_D * lambda_D) * lambda_D) * lambda_D))))) (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) * (((n_D * (lambda_D * lambda_D)) + (((a * (lambda_D * lambda_D)) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) + (((((a * a) * (((lambda_D * lambda_D) * lambda_D) * lambda_D)) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) ((lambda_D * lambda_D) * (((((((- 1) * n_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * a) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))))) + ((a * (lambda_B * lambda_B)) * (((- 1) * n_B) + (((- 1) * b) * (lambda_B * lambda_B))))) + ((b * (lambda_B * lambda_B)) * (n_D + (a * (lambda_D * lambda_D))))) + (((((- 1) * (a * a)) * (lambda_D * lambda_D)) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))))) 1 Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* L3.concave | two-level model | on the solvers' problem *)
Theorem L3_concave :
  forall lambda_D lambda_B v_G a b : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (v_G > 0) ->
  (a > 0) ->
  (b > 0) ->
  (lambda_D > lambda_B) ->
  (v_G = ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) ->
  (lambda_D > lambda_B) ->
  ((((2 * v_G) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))) < 0).
Proof.
  intros; pos_products; intuition nra.
Qed.

(* L3.h0 | two-level model | on the solvers' problem *)
Theorem L3_h0 :
  forall lambda_D lambda_B n_D : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (n_D >= 0) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  ((n_D * (lambda_D * lambda_D)) > 0).
Proof.
  intros; pos_products; intuition nra.
Qed.

(* L3.h1 | two-level model | on the solvers' problem *)
Theorem L3_h1 :
  forall lambda_D lambda_B n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  (n_B > 0) ->
  ((((- 1) * n_B) * (lambda_B * lambda_B)) < 0).
Proof.
  intros; pos_products; intuition nra.
Qed.

(* L3.chi_c_root | two-level model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem L3_chi_c_root :
  forall lambda_D lambda_B v_G a b n_D n_B sqrt_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (v_G > 0) ->
  (a > 0) ->
  (b > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (sqrt_0 >= 0) ->
  (((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0)) -> ((sqrt_0 * sqrt_0) = ((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))))) ->
  (lambda_D > lambda_B) ->
  (v_G = ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0)) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0) /\ ((((2 * n_D) * (lambda_D * lambda_D)) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D)))) > 0)) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0) /\ ((((2 * n_D) * (lambda_D * lambda_D)) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D)))) < 1)) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0) /\ ((((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) * ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D)))) <> 0) /\ (((((n_D * (lambda_D * lambda_D)) + ((((2 * n_D) * (lambda_D * lambda_D)) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))))) + (((((2 * n_B) * n_D) * (lambda_B * lambda_B)) * (lambda_D * lambda_D)) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))))) + ((((((4 * v_G) * (n_D * n_D)) * (((lambda_D * lambda_D) * lambda_D) * lambda_D)) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))) / (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) * ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D)))))) = (((((2 * n_B) * n_D) * (lambda_B * lambda_B)) * (lambda_D * lambda_D)) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))))))).
*)

(* L3.unique | two-level model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem L3_unique :
  forall lambda_D lambda_B v_G a b chi n_D n_B sqrt_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (v_G > 0) ->
  (a > 0) ->
  (b > 0) ->
  (chi > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (sqrt_0 >= 0) ->
  (((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0)) -> ((sqrt_0 * sqrt_0) = ((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))))) ->
  (lambda_D > lambda_B) ->
  (v_G = ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) ->
  ((chi * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) = (a * (lambda_D * lambda_D))) ->
  (chi < 1) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  (chi < 1) ->
  ((((((n_D * (lambda_D * lambda_D)) + (chi * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))))) + (((v_G * (chi * chi)) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D)))) > 0) <-> ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0)) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0) /\ (chi < (((2 * n_D) * (lambda_D * lambda_D)) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))))))))).
*)

(* L3.monotone | two-level model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem L3_monotone :
  forall lambda_D lambda_B v_G a b n_D n_B sqrt_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (v_G > 0) ->
  (a > 0) ->
  (b > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (sqrt_0 >= 0) ->
  (((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0)) -> ((sqrt_0 * sqrt_0) = ((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))))) ->
  (lambda_D > lambda_B) ->
  (v_G = ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) <> 0) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0)) /\ ((((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))) <> 0) /\ (((((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B))) * ((((v_G * (lambda_D * lambda_D)) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * v_G) * (lambda_B * lambda_B)))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * v_G) * (lambda_D * lambda_D)) + ((4 * v_G) * (lambda_B * lambda_B))))) >= 0) /\ ((sqrt_0 * ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D)))) <> 0) /\ (((((((2 * n_D) * (lambda_D * lambda_D)) * ((- 1) + (((2 * n_D) * (lambda_D * lambda_D)) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D)))))) * (lambda_B + lambda_D)) * (lambda_B + ((- 1) * lambda_D))) / (sqrt_0 * ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + (v_G * (lambda_B * lambda_B))) + (((- 1) * v_G) * (lambda_D * lambda_D))))) > 0))).
*)

(* L3.regime | two-level model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem L3_regime :
  forall lambda_D lambda_B n_D n_B a b sqrt_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (a > 0) ->
  (b > 0) ->
  (sqrt_0 >= 0) ->
  ((((((((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + ((4 * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))))) >= 0)) -> ((sqrt_0 * sqrt_0) = (((((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + ((4 * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))))))) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((((a * (lambda_D * lambda_D)) * ((((- 1) * n_B) * (lambda_B * lambda_B)) + (((- 1) * b) * (((lambda_B * lambda_B) * lambda_B) * lambda_B)))) + ((b * (lambda_B * lambda_B)) * ((n_D * (lambda_D * lambda_D)) + (a * (((lambda_D * lambda_D) * lambda_D) * lambda_D))))) > 0) <-> (((((((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + ((4 * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))))) >= 0) /\ (((((((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + ((4 * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + ((lambda_B * lambda_B) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) + (((- 1) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) <> 0)) /\ ((((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ ((((((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) * (((((lambda_D * lambda_D) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + (((- 1) * n_B) * (lambda_B * lambda_B))) + (((- 1) * n_D) * (lambda_D * lambda_D))) + (((- 1) * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))))) + ((((- 1) * n_D) * (lambda_D * lambda_D)) * ((((- 4) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) + ((4 * (lambda_B * lambda_B)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))))) >= 0) /\ (((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + ((lambda_B * lambda_B) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) + (((- 1) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) <> 0) /\ (((a * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B)))) < (((2 * n_D) * (lambda_D * lambda_D)) / ((((sqrt_0 + (n_B * (lambda_B * lambda_B))) + (n_D * (lambda_D * lambda_D))) + ((lambda_B * lambda_B) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) + (((- 1) * (lambda_D * lambda_D)) * ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))))))))).
*)
