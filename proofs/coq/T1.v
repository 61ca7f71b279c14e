(* salign: the PROVED propositions of T1, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* T1.positive | any spectrum (block moments) | on the solvers' problem *)
Theorem T1_positive :
  forall lambda_min_D lambda_max_D G_D1 G_D G_D2 N_D M_D eta lambda_min_B lambda_max_B G_B1 G_B G_B2 N_B M_B : R,
  (lambda_min_D > 0) ->
  (lambda_max_D > 0) ->
  (G_D1 > 0) ->
  (G_D > 0) ->
  (G_D2 > 0) ->
  (N_D >= 0) ->
  (M_D >= 0) ->
  (eta > 0) ->
  (lambda_min_B > 0) ->
  (lambda_max_B > 0) ->
  (G_B1 > 0) ->
  (G_B > 0) ->
  (G_B2 > 0) ->
  (N_B >= 0) ->
  (M_B >= 0) ->
  (lambda_min_D <= lambda_max_D) ->
  ((G_D1 + (((- 1) * G_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D1) + (G_D * lambda_max_D)) >= 0) ->
  ((G_D2 + (((- 1) * G_D1) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D2) + (G_D1 * lambda_max_D)) >= 0) ->
  ((N_D + (((- 1) * M_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * N_D) + (M_D * lambda_max_D)) >= 0) ->
  (((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)) >= 0) ->
  ((G_D1 * G_D1) <= (G_D * G_D2)) ->
  (((G_D + (((- 1) * G_D1) * eta)) * (G_D + (((- 1) * G_D1) * eta))) <= (G_D * ((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)))) ->
  (lambda_min_B <= lambda_max_B) ->
  ((G_B1 + (((- 1) * G_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B1) + (G_B * lambda_max_B)) >= 0) ->
  ((G_B2 + (((- 1) * G_B1) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B2) + (G_B1 * lambda_max_B)) >= 0) ->
  ((N_B + (((- 1) * M_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * N_B) + (M_B * lambda_max_B)) >= 0) ->
  (((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)) >= 0) ->
  ((G_B1 * G_B1) <= (G_B * G_B2)) ->
  (((G_B + (((- 1) * G_B1) * eta)) * (G_B + (((- 1) * G_B1) * eta))) <= (G_B * ((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)))) ->
  (lambda_min_D > lambda_max_B) ->
  (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) > 0) ->
  (lambda_min_D > lambda_max_B) ->
  ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ (((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) > 0))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((N_B * G_D) + (G_B2 * G_D)) + (((- 1) * N_D) * G_B)) + (((- 1) * G_B) * G_D2)) * lambda_min_D) lambda_min_D (Rmult_le_pos ((((N_B * G_D) + (G_B2 * G_D)) + (((- 1) * N_D) * G_B)) + (((- 1) * G_B) * G_D2)) lambda_min_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) * (lambda_min_D + ((- 1) * lambda_max_B))) (lambda_min_D + ((- 1) * lambda_max_B)) (Rmult_lt_0_compat ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) * (lambda_min_D + ((- 1) * lambda_max_B))) lambda_max_B (Rmult_lt_0_compat ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) * lambda_max_B) lambda_max_B (Rmult_lt_0_compat ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) lambda_max_B ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt ((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) 0 ((((- 2) * G_B1) * G_D) + ((2 * G_B) * G_D1)) ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T1.below | any spectrum (block moments) | on the solvers' problem *)
Theorem T1_below :
  forall lambda_min_D lambda_max_D G_D1 G_D G_D2 N_D M_D eta lambda_min_B lambda_max_B G_B1 G_B G_B2 N_B M_B : R,
  (lambda_min_D > 0) ->
  (lambda_max_D > 0) ->
  (G_D1 > 0) ->
  (G_D > 0) ->
  (G_D2 > 0) ->
  (N_D >= 0) ->
  (M_D >= 0) ->
  (eta > 0) ->
  (lambda_min_B > 0) ->
  (lambda_max_B > 0) ->
  (G_B1 > 0) ->
  (G_B > 0) ->
  (G_B2 > 0) ->
  (N_B >= 0) ->
  (M_B >= 0) ->
  (lambda_min_D <= lambda_max_D) ->
  ((G_D1 + (((- 1) * G_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D1) + (G_D * lambda_max_D)) >= 0) ->
  ((G_D2 + (((- 1) * G_D1) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D2) + (G_D1 * lambda_max_D)) >= 0) ->
  ((N_D + (((- 1) * M_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * N_D) + (M_D * lambda_max_D)) >= 0) ->
  (((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)) >= 0) ->
  ((G_D1 * G_D1) <= (G_D * G_D2)) ->
  (((G_D + (((- 1) * G_D1) * eta)) * (G_D + (((- 1) * G_D1) * eta))) <= (G_D * ((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)))) ->
  (lambda_min_B <= lambda_max_B) ->
  ((G_B1 + (((- 1) * G_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B1) + (G_B * lambda_max_B)) >= 0) ->
  ((G_B2 + (((- 1) * G_B1) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B2) + (G_B1 * lambda_max_B)) >= 0) ->
  ((N_B + (((- 1) * M_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * N_B) + (M_B * lambda_max_B)) >= 0) ->
  (((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)) >= 0) ->
  ((G_B1 * G_B1) <= (G_B * G_B2)) ->
  (((G_B + (((- 1) * G_B1) * eta)) * (G_B + (((- 1) * G_B1) * eta))) <= (G_B * ((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)))) ->
  (lambda_min_D > lambda_max_B) ->
  (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) > 0) ->
  (lambda_min_D > lambda_max_B) ->
  ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ (eta < ((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)))))) ->
  (((((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) <> 0) /\ ((G_B + G_D) <> 0) /\ (((((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta)) / (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) + (((- 1) * G_D) / (G_B + G_D))) < 0)).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((N_B * G_D) + (G_B2 * G_D)) + (((- 1) * N_D) * G_B)) + (((- 1) * G_B) * G_D2)) * lambda_min_D) lambda_min_D (Rmult_le_pos ((((N_B * G_D) + (G_B2 * G_D)) + (((- 1) * N_D) * G_B)) + (((- 1) * G_B) * G_D2)) lambda_min_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) * (lambda_min_D + ((- 1) * lambda_max_B))) (lambda_min_D + ((- 1) * lambda_max_B)) (Rmult_lt_0_compat ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) * (lambda_min_D + ((- 1) * lambda_max_B))) lambda_max_B (Rmult_lt_0_compat ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) * lambda_max_B) lambda_max_B (Rmult_lt_0_compat ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) lambda_max_B ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta ((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D)) ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (G_B + G_D)) by first [lra | nra | pos_products; nra | pos]));
  (try (assert (Hs3 : 0 < (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) by first [lra | lra | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < ((G_B + G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((G_B + G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((- 1) * (G_B + G_D)) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) lambda_min_D ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * (lambda_min_D + ((- 1) * lambda_max_B))) G_B (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * (lambda_min_D + ((- 1) * lambda_max_B))) G_D (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * G_B) lambda_max_B (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) G_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * G_D) lambda_max_B (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) G_D ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt ((((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta)) / (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) + (((- 1) * G_D) / (G_B + G_D))) 0 (((G_B + G_D) * ((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta))) + (((- 1) * G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)))) ((G_B + G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T1.at | any spectrum (block moments) | on the solvers' problem *)
Theorem T1_at :
  forall lambda_min_D lambda_max_D G_D1 G_D G_D2 N_D M_D eta lambda_min_B lambda_max_B G_B1 G_B G_B2 N_B M_B : R,
  (lambda_min_D > 0) ->
  (lambda_max_D > 0) ->
  (G_D1 > 0) ->
  (G_D > 0) ->
  (G_D2 > 0) ->
  (N_D >= 0) ->
  (M_D >= 0) ->
  (eta > 0) ->
  (lambda_min_B > 0) ->
  (lambda_max_B > 0) ->
  (G_B1 > 0) ->
  (G_B > 0) ->
  (G_B2 > 0) ->
  (N_B >= 0) ->
  (M_B >= 0) ->
  (lambda_min_D <= lambda_max_D) ->
  ((G_D1 + (((- 1) * G_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D1) + (G_D * lambda_max_D)) >= 0) ->
  ((G_D2 + (((- 1) * G_D1) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D2) + (G_D1 * lambda_max_D)) >= 0) ->
  ((N_D + (((- 1) * M_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * N_D) + (M_D * lambda_max_D)) >= 0) ->
  (((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)) >= 0) ->
  ((G_D1 * G_D1) <= (G_D * G_D2)) ->
  (((G_D + (((- 1) * G_D1) * eta)) * (G_D + (((- 1) * G_D1) * eta))) <= (G_D * ((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)))) ->
  (lambda_min_B <= lambda_max_B) ->
  ((G_B1 + (((- 1) * G_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B1) + (G_B * lambda_max_B)) >= 0) ->
  ((G_B2 + (((- 1) * G_B1) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B2) + (G_B1 * lambda_max_B)) >= 0) ->
  ((N_B + (((- 1) * M_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * N_B) + (M_B * lambda_max_B)) >= 0) ->
  (((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)) >= 0) ->
  ((G_B1 * G_B1) <= (G_B * G_B2)) ->
  (((G_B + (((- 1) * G_B1) * eta)) * (G_B + (((- 1) * G_B1) * eta))) <= (G_B * ((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)))) ->
  (lambda_min_D > lambda_max_B) ->
  (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) > 0) ->
  (lambda_min_D > lambda_max_B) ->
  ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ (eta = ((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)))))) ->
  ((G_B * ((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta))) = (G_D * ((G_B + ((eta * eta) * (N_B + G_B2))) + (((- 2) * G_B1) * eta)))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by first [lra | nra | pos_products; nra | pos]));
  (try (assert (Hd1 : ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) by nz));
  (try rewrite (bridge_eq_nz eta ((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D)) ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T1.above | any spectrum (block moments) | on the solvers' problem *)
Theorem T1_above :
  forall lambda_min_D lambda_max_D G_D1 G_D G_D2 N_D M_D eta lambda_min_B lambda_max_B G_B1 G_B G_B2 N_B M_B : R,
  (lambda_min_D > 0) ->
  (lambda_max_D > 0) ->
  (G_D1 > 0) ->
  (G_D > 0) ->
  (G_D2 > 0) ->
  (N_D >= 0) ->
  (M_D >= 0) ->
  (eta > 0) ->
  (lambda_min_B > 0) ->
  (lambda_max_B > 0) ->
  (G_B1 > 0) ->
  (G_B > 0) ->
  (G_B2 > 0) ->
  (N_B >= 0) ->
  (M_B >= 0) ->
  (lambda_min_D <= lambda_max_D) ->
  ((G_D1 + (((- 1) * G_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D1) + (G_D * lambda_max_D)) >= 0) ->
  ((G_D2 + (((- 1) * G_D1) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D2) + (G_D1 * lambda_max_D)) >= 0) ->
  ((N_D + (((- 1) * M_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * N_D) + (M_D * lambda_max_D)) >= 0) ->
  (((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)) >= 0) ->
  ((G_D1 * G_D1) <= (G_D * G_D2)) ->
  (((G_D + (((- 1) * G_D1) * eta)) * (G_D + (((- 1) * G_D1) * eta))) <= (G_D * ((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)))) ->
  (lambda_min_B <= lambda_max_B) ->
  ((G_B1 + (((- 1) * G_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B1) + (G_B * lambda_max_B)) >= 0) ->
  ((G_B2 + (((- 1) * G_B1) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B2) + (G_B1 * lambda_max_B)) >= 0) ->
  ((N_B + (((- 1) * M_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * N_B) + (M_B * lambda_max_B)) >= 0) ->
  (((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)) >= 0) ->
  ((G_B1 * G_B1) <= (G_B * G_B2)) ->
  (((G_B + (((- 1) * G_B1) * eta)) * (G_B + (((- 1) * G_B1) * eta))) <= (G_B * ((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)))) ->
  (lambda_min_D > lambda_max_B) ->
  (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) > 0) ->
  (lambda_min_D > lambda_max_B) ->
  ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ ((((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) <> 0) /\ (eta > ((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)))))) ->
  (((((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) <> 0) /\ ((G_B + G_D) <> 0) /\ (((((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta)) / (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) + (((- 1) * G_D) / (G_B + G_D))) > 0)).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (lambda_min_D + ((- 1) * lambda_max_B)) (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D)) lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos (((((N_B * G_D) + (G_B2 * G_D)) + (((- 1) * N_D) * G_B)) + (((- 1) * G_B) * G_D2)) * eta) lambda_min_D (Rmult_le_pos ((((N_B * G_D) + (G_B2 * G_D)) + (((- 1) * N_D) * G_B)) + (((- 1) * G_B) * G_D2)) eta ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt eta ((2 * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) / ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D)) ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D)) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (G_B + G_D)) by first [lra | nra | pos_products; nra | pos]));
  (try (assert (Hs3 : 0 < (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) by first [lra | lra | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < ((G_B + G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((G_B + G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos ((((- 1) * (G_B + G_D)) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) * ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2))))) eta (Rmult_le_pos (((- 1) * (G_B + G_D)) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) ((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) G_B (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * ((G_B * G_D1) + (((- 1) * G_B1) * G_D))) G_D (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D))) G_B (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) * (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D))) G_D (Rmult_lt_0_compat (((((((G_B + G_D) + (N_B * (eta * eta))) + (N_D * (eta * eta))) + (G_B2 * (eta * eta))) + (G_D2 * (eta * eta))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) (((eta * ((((N_D * G_B) + (G_B * G_D2)) + (((- 1) * N_B) * G_D)) + (((- 1) * G_B2) * G_D))) + (((- 2) * G_B) * G_D1)) + ((2 * G_B1) * G_D)) ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt ((((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta)) / (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) + (((- 1) * G_D) / (G_B + G_D))) 0 (((G_B + G_D) * ((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta))) + (((- 1) * G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)))) ((G_B + G_D) * (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.
