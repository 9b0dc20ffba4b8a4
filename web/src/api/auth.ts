import {
  ZAuthResponseSchema,
  ZMeResponseSchema,
  ZRegisterInitiateResponseSchema,
  type TAuthResponse,
  type TLogin,
  type TMeResponse,
  type TRegister,
  type TRegisterInitiate,
  type TRegisterInitiateResponse,
  type TRegisterResend,
  ZAcceptedResponseSchema,
  type TPasswordForgot,
  type TPasswordReset,
} from '@domain/auth';
import { ZInvitationSchema, type TAcceptInvite, type TInvitation } from '@domain/users';
import { apiClient } from './client';

export function initiateRegistration(body: TRegisterInitiate): Promise<TRegisterInitiateResponse> {
  return apiClient.post('/auth/register/initiate', body, ZRegisterInitiateResponseSchema, false);
}

/** A new code for the pending sign-up; refused with 429 `otp_resend_cooldown` until the cooldown has passed. */
export function resendRegistrationCode(body: TRegisterResend): Promise<TRegisterInitiateResponse> {
  return apiClient.post('/auth/register/resend', body, ZRegisterInitiateResponseSchema, false);
}

export function register(body: TRegister): Promise<TAuthResponse> {
  return apiClient.post('/auth/register', body, ZAuthResponseSchema, false);
}

export function login(body: TLogin): Promise<TAuthResponse> {
  return apiClient.post('/auth/login', body, ZAuthResponseSchema, false);
}

export function acceptInvite(body: TAcceptInvite): Promise<TAuthResponse> {
  return apiClient.post('/auth/accept-invite', body, ZAuthResponseSchema, false);
}

/** Who invited, to which workspace and role: the token travels in the body, never in a URL. */
export function lookUpInvitation(token: string): Promise<TInvitation> {
  return apiClient.post('/auth/invite/lookup', { token }, ZInvitationSchema, false);
}

export function logout(): Promise<void> {
  return apiClient.post('/auth/logout');
}

export function fetchMe(): Promise<TMeResponse> {
  return apiClient.get('/me', ZMeResponseSchema);
}

export function verifyEmail(token: string): Promise<void> {
  return apiClient.post('/auth/email/verify', { token }, undefined, false);
}

export async function resendVerificationEmail(): Promise<void> {
  await apiClient.post('/auth/email/verify/resend', undefined, ZAcceptedResponseSchema);
}

export async function forgotPassword(body: TPasswordForgot): Promise<void> {
  await apiClient.post('/auth/password/forgot', body, ZAcceptedResponseSchema, false);
}

export function resetPassword(body: TPasswordReset): Promise<void> {
  return apiClient.post('/auth/password/reset', body, undefined, false);
}
