import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LoginRequest, LoginResponse } from './login.dto';
import { LoginHandler } from './login.handler';

@ApiTags('staff')
@Controller('api/v1/auth')
export class LoginController {
  constructor(private readonly handler: LoginHandler) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() body: LoginRequest): Promise<LoginResponse> {
    return this.handler.execute(body);
  }
}
