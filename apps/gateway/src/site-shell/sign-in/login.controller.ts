import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { LoginRequest, LoginResponse } from './login.dto';
import { LoginHandler } from './login.handler';
import { clientKeyOf } from '../../common/client-address';

@ApiTags('staff')
@Controller('api/v1/auth')
export class LoginController {
  constructor(private readonly handler: LoginHandler) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({
    description:
      'LOGIN_THROTTLED: too many failed sign-ins for the username from this address, from this address, or for the username from all addresses (`accountLocked`); see Retry-After',
  })
  login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.handler.execute(body, clientKeyOf(request.ip));
  }
}
