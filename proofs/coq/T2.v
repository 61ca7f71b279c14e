(* salign: the PROVED propositions of T2, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* T2.decreases | any spectrum (block moments) | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem T2_decreases :
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
  (((G_B * (N_D + G_D2)) + (G_D * (((- 1) * N_B) + ((- 1) * G_B2)))) <= 0) ->
  (lambda_min_D > lambda_max_B) ->
  (((((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta)) <> 0) /\ ((G_B + G_D) <> 0) /\ (((((G_D + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_D1) * eta)) / (((((G_B + G_D) + ((eta * eta) * (N_B + G_B2))) + ((eta * eta) * (N_D + G_D2))) + (((- 2) * G_B1) * eta)) + (((- 2) * G_D1) * eta))) + (((- 1) * G_D) / (G_B + G_D))) < 0)).
*)
