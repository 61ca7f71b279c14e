(* salign: the PROVED propositions of T4, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* T4.recursion | dynamics model | on the solvers' problem *)
Theorem T4_recursion :
  forall lambda_D lambda_B t p rho_D eta n_D a_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (t >= 0) ->
  (p >= 0) ->
  (rho_D >= 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (a_0 > 0) ->
  (lambda_D > lambda_B) ->
  ((t = 0) -> (p = 1)) ->
  ((rho_D <= 1) -> (p <= 1)) ->
  ((rho_D >= 1) -> (p >= 1)) ->
  ((rho_D > 0) -> (p > 0)) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  ((lambda_D <> 0) /\ (eta <> (2 / lambda_D))) ->
  ((((- 2) + (eta * lambda_D)) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((n_D * (eta * eta)) + ((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) * ((p * (a_0 + ((n_D * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))) + ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))))) = (((p * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) * (a_0 + ((n_D * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))) + ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))))).
Proof.
  intros;
  (try (assert (Hs1 : 0 < lambda_D) by first [nra | pos_products; nra | pos]));
  (try (assert (Hd1 : lambda_D <> 0) by nz));
  (try rewrite (bridge_ne_nz eta (2 / lambda_D) ((- 2) + (eta * lambda_D)) lambda_D Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < ((- 2) + (eta * lambda_D))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hd2 : (lambda_D * ((- 2) + (eta * lambda_D))) <> 0) by nz));
  (try rewrite (bridge_eq_nz ((n_D * (eta * eta)) + ((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) * ((p * (a_0 + ((n_D * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))) + ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))))) (((p * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) * (a_0 + ((n_D * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))) + ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))) ((((n_D * eta) + ((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) * ((p * ((n_D * eta) + ((a_0 * lambda_D) * ((- 2) + (eta * lambda_D))))) + (((- 1) * n_D) * eta)))) + ((((- 1) * p) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) * ((n_D * eta) + ((a_0 * lambda_D) * ((- 2) + (eta * lambda_D)))))) + (((n_D * lambda_D) * (eta * eta)) * ((- 2) + (eta * lambda_D)))) (lambda_D * ((- 2) + (eta * lambda_D))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T4.fixed_point | dynamics model | on the solvers' problem *)
Theorem T4_fixed_point :
  forall lambda_D lambda_B eta n_D : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  ((((- 2) + (eta * lambda_D)) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((n_D * (eta * eta)) + (((((- 1) * n_D) * eta) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) / (lambda_D * ((- 2) + (eta * lambda_D))))) = ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))))).
Proof.
  intros;
  (try (assert (Hs1 : 0 < lambda_D) by first [nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < lambda_D) by first [nra | pos_products; nra | pos | (enough (0 < lambda_D) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos (((- 1) * lambda_D) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((- 1) * lambda_D) ((- 1) * lambda_D) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * lambda_B) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * lambda_B) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_B * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta (2 / lambda_D) ((- 2) + (eta * lambda_D)) lambda_D Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (2 + (((- 1) * eta) * lambda_D))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hd2 : (lambda_D * ((- 2) + (eta * lambda_D))) <> 0) by nz));
  (try rewrite (bridge_eq_nz ((n_D * (eta * eta)) + (((((- 1) * n_D) * eta) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) / (lambda_D * ((- 2) + (eta * lambda_D))))) ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))) ((n_D * eta) * ((1 + ((- 1) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))) + ((eta * lambda_D) * ((- 2) + (eta * lambda_D))))) (lambda_D * ((- 2) + (eta * lambda_D))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T4.stable | dynamics model | on the solvers' problem *)
Theorem T4_stable :
  forall lambda_D lambda_B eta : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (lambda_D > lambda_B) ->
  ((((lambda_D <> 0) /\ (eta < (2 / lambda_D))) <-> ((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) < 1))).
Proof.
  intros;
  (try (assert (Hs1 : 0 < lambda_D) by first [nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < lambda_D) by first [nra | pos_products; nra | pos | (enough (0 < lambda_D) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos (((- 1) * lambda_D) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((- 1) * lambda_D) ((- 1) * lambda_D) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * lambda_B) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_B * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * lambda_B) * lambda_B) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_B * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * lambda_B) * lambda_B) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_B * lambda_B) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * lambda_B) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_B * lambda_B) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_B * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_B * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_B * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat lambda_B (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta (2 / lambda_D) ((- 2) + (eta * lambda_D)) lambda_D Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  pos_products; intuition (first [nra | nz]).
Qed.

(* T4.A_inf | dynamics model | on the solvers' problem *)
Theorem T4_A_inf :
  forall lambda_D lambda_B eta n_D n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ (((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ (((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))) <> 0)) /\ ((((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D)) <> 0) /\ (((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_D)) * ((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))) <> 0) /\ ((((n_D * lambda_D) * ((- 2) + (eta * lambda_B))) / ((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D))) = (((((- 1) * n_D) * eta) * lambda_D) / (((- 2) + (eta * lambda_D)) * ((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))))))).
Proof.
  intros;
  (try (assert (Hs1 : 0 < lambda_D) by first [nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < lambda_D) by first [nra | pos_products; nra | pos | (enough (0 < lambda_D) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos (((- 1) * lambda_D) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((- 1) * lambda_D) ((- 1) * lambda_D) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * lambda_B) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * lambda_B) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_B * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta (2 / lambda_D) ((- 2) + (eta * lambda_D)) lambda_D Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (2 + (((- 1) * eta) * lambda_B))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs3 : 0 < (2 + (((- 1) * eta) * lambda_D))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hd2 : (((- 2) + (eta * lambda_B)) * ((- 2) + (eta * lambda_D))) <> 0) by nz));
  (try rewrite (bridge_ne_nz ((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))) 0 (eta * (((((- 1) * n_B) * lambda_B) * ((- 2) + (eta * lambda_D))) + ((((- 1) * n_D) * lambda_D) * ((- 2) + (eta * lambda_B))))) (((- 2) + (eta * lambda_B)) * ((- 2) + (eta * lambda_D))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs4 : 0 < (((((2 * n_B) * lambda_B) + ((2 * n_D) * lambda_D)) + (((((- 1) * n_B) * eta) * lambda_B) * lambda_D)) + (((((- 1) * n_D) * eta) * lambda_B) * lambda_D))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hd3 : ((((((- 1) * n_B) * lambda_B) * ((- 2) + (eta * lambda_D))) + ((((- 1) * n_D) * lambda_D) * ((- 2) + (eta * lambda_B)))) * ((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D))) <> 0) by nz));
  (try rewrite (bridge_eq_nz (((n_D * lambda_D) * ((- 2) + (eta * lambda_B))) / ((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D))) (((((- 1) * n_D) * eta) * lambda_D) / (((- 2) + (eta * lambda_D)) * ((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))))) (((n_D * lambda_D) * ((- 2) + (eta * lambda_B))) * ((((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + ((((- 1) * n_B) * lambda_B) * ((- 2) + (eta * lambda_D)))) + ((((- 1) * n_D) * lambda_D) * ((- 2) + (eta * lambda_B)))) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D))) ((((((- 1) * n_B) * lambda_B) * ((- 2) + (eta * lambda_D))) + ((((- 1) * n_D) * lambda_D) * ((- 2) + (eta * lambda_B)))) * ((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D))) Hd3) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hd4 : ((- 2) + (eta * lambda_B)) <> 0) by nz));
  (try rewrite (bridge_ne_nz (((- 2) + (eta * lambda_D)) * ((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))) 0 (eta * (((((- 1) * n_B) * lambda_B) * ((- 2) + (eta * lambda_D))) + ((((- 1) * n_D) * lambda_D) * ((- 2) + (eta * lambda_B))))) ((- 2) + (eta * lambda_B)) Hd4) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T4.eta_star_fixed | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem T4_eta_star_fixed :
  forall lambda_D lambda_B eta n_D n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((((((n_B * n_D) * eta) / (lambda_B * ((- 2) + (eta * lambda_B)))) + (((((- 1) * n_B) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))) + ((((n_B * n_D) * lambda_B) * (eta * eta)) / ((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) + ((((((- 1) * n_B) * n_D) * lambda_D) * (eta * eta)) / ((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) <> 0)) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((((lambda_B * lambda_D) * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) * ((((((n_B * n_D) * eta) / (lambda_B * ((- 2) + (eta * lambda_B)))) + (((((- 1) * n_B) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))) + ((((n_B * n_D) * lambda_B) * (eta * eta)) / ((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) + ((((((- 1) * n_B) * n_D) * lambda_D) * (eta * eta)) / ((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D)))))) <> 0) /\ ((((((2 * n_B) * n_D) * (eta * eta)) * (lambda_B + ((- 1) * lambda_D))) / ((((lambda_B * lambda_D) * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) * ((((((n_B * n_D) * eta) / (lambda_B * ((- 2) + (eta * lambda_B)))) + (((((- 1) * n_B) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))) + ((((n_B * n_D) * lambda_B) * (eta * eta)) / ((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) + ((((((- 1) * n_B) * n_D) * lambda_D) * (eta * eta)) / ((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))))) = eta))).
*)

(* T4.eta_D_fixed | dynamics model | on the solvers' problem *)
Theorem T4_eta_D_fixed :
  forall lambda_D lambda_B eta n_D n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((- 2) + (eta * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_D)) <> 0) /\ ((n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))) <> 0)) /\ ((((- 2) + (eta * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_D)) * (n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))) <> 0) /\ (((((- 2) * n_D) * eta) / (((- 2) + (eta * lambda_D)) * (n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))))) = eta))).
Proof.
  intros;
  (try (assert (Hs1 : 0 < lambda_D) by first [nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < lambda_D) by first [nra | pos_products; nra | pos | (enough (0 < lambda_D) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((((- 1) * lambda_D) * ((- 1) * lambda_D)) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos (((- 1) * lambda_D) * ((- 1) * lambda_D)) ((- 1) * lambda_D) (Rmult_le_pos ((- 1) * lambda_D) ((- 1) * lambda_D) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * (lambda_D + ((- 1) * lambda_B))) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((lambda_D + ((- 1) * lambda_B)) * lambda_B) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((lambda_D + ((- 1) * lambda_B)) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_D + ((- 1) * lambda_B)) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_D + ((- 1) * lambda_B)) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((lambda_B * lambda_B) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((lambda_B * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta (2 / lambda_D) ((- 2) + (eta * lambda_D)) lambda_D Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (2 + (((- 1) * eta) * lambda_D))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hd2 : ((- 2) + (eta * lambda_D)) <> 0) by nz));
  (try rewrite (bridge_ne_nz (n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))) 0 ((- 2) * n_D) ((- 2) + (eta * lambda_D)) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hd3 : 1 <> 0) by nz));
  (try rewrite (bridge_eq_nz ((((- 2) * n_D) * eta) / (((- 2) + (eta * lambda_D)) * (n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))))) eta 0 1 Hd3) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hd4 : 1 <> 0) by nz));
  (try rewrite (bridge_ne_nz (((- 2) + (eta * lambda_D)) * (n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))) 0 ((- 2) * n_D) 1 Hd4) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.
