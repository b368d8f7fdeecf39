import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { LoginRequest, LoginResponse } from './login.dto';
import { LoginHandler } from './login.handler';

@ApiTags('staff')
@Controller('api/v1/auth')
export class LoginController {
  constructor(private readonly handler: LoginHandler) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_THROTTLED: too many failed sign-ins for the username from this address (or from this address); see Retry-After' })
  login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.handler.execute(body, request.socket.remoteAddress);
  }
}
